"""The verdict is a public contract: its published schema matches the model, and it round-trips."""

from __future__ import annotations

import json
from pathlib import Path

from inspector.cli.schema_cmd import verdict_schema, verdict_schema_text
from inspector.model import ErrorKind, Finding, InspectionError, SignatureInfo, Verdict, VerdictClass

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_published_schema_is_in_sync_with_the_model() -> None:
    published = (DOCS / "verdict.schema.json").read_text()
    assert published == verdict_schema_text(), "run: inspector schema > docs/verdict.schema.json"


def test_schema_names_the_fields_detectors_rely_on() -> None:
    required = set(verdict_schema()["required"])  # type: ignore[arg-type]
    assert {"id", "verdict", "score", "complete", "signatures", "engine"} <= required
    properties = verdict_schema()["properties"]
    assert {"alerts", "findings", "artifacts", "fetches", "errors"} <= set(properties)  # type: ignore[arg-type]


def test_verdict_round_trips_through_json() -> None:
    verdict = Verdict(
        id="abc", verdict=VerdictClass.SUSPICIOUS, score=400, severity="Medium", complete=True,
        findings=[Finding(id="x", source="heuristic", title="t", score=400, attack=["T1059"])],
        signatures=SignatureInfo(version="v", rule_count=1), engine="e", elapsed_ms=1.0,
        created_at="2026-01-01T00:00:00Z",
    )
    again = Verdict.model_validate(json.loads(verdict.model_dump_json()))
    assert again == verdict


def test_every_documented_field_is_explained_in_docs() -> None:
    text = (DOCS / "verdict.md").read_text()
    for name in Verdict.model_fields:
        assert f"`{name}`" in text, f"docs/verdict.md does not explain {name}"


def test_every_error_kind_is_documented_in_the_errors_section() -> None:
    text = (DOCS / "verdict.md").read_text()
    section = text.split("## InspectionError", 1)[1].split("\n## ", 1)[0]
    for kind in ErrorKind:
        assert f"`{kind.value}`" in section, f"docs/verdict.md does not list error kind {kind.value}"


def test_an_error_kind_is_written_as_its_plain_string() -> None:
    verdict = Verdict(
        id="abc", verdict=VerdictClass.CLEAN, score=0, severity="None", complete=False,
        errors=[InspectionError(kind=ErrorKind.LIMIT_DEPTH, detail="too deep", artifact="a" * 64)],
        signatures=SignatureInfo(version="v", rule_count=1), engine="e", elapsed_ms=1.0,
        created_at="2026-01-01T00:00:00Z",
    )
    written = json.loads(verdict.model_dump_json())
    assert written["errors"] == [{"kind": "limit_depth", "detail": "too deep", "artifact": "a" * 64, "url": None}]
    assert Verdict.model_validate(written).errors[0].kind is ErrorKind.LIMIT_DEPTH
