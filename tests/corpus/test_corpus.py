"""The committed corpus is what the builder writes, and it is shaped as the evaluation needs."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.corpus.build import CORPUS_DIR, build
from tests.obfuscation import obfuscators as ob

LANGUAGES = {"powershell", "shell", "cmd"}


@pytest.fixture(scope="module")
def manifest() -> list[dict[str, str | None]]:
    return [json.loads(line) for line in (CORPUS_DIR / "manifest.jsonl").read_text().splitlines() if line.strip()]


def test_at_least_300_samples_per_label_in_every_language(manifest: list[dict[str, str | None]]) -> None:
    labels = Counter(r["label"] for r in manifest)
    assert labels["malicious"] >= 300 and labels["benign"] >= 300
    plain = Counter((r["label"], r["language"]) for r in manifest if r["obfuscation"] == "none")
    for label in ("malicious", "benign"):
        for language in LANGUAGES:
            assert plain[(label, language)] >= 50, (label, language)


def test_every_listed_file_exists_and_every_file_is_listed(manifest: list[dict[str, str | None]]) -> None:
    listed = {r["path"] for r in manifest}
    on_disk = {
        p.relative_to(CORPUS_DIR).as_posix()
        for label in ("malicious", "benign")
        for p in (CORPUS_DIR / label).rglob("*")
        if p.is_file()
    }
    assert listed == on_disk


def test_obfuscated_variants_name_a_plain_original_of_the_same_label(manifest: list[dict[str, str | None]]) -> None:
    by_path = {r["path"]: r for r in manifest}
    for record in manifest:
        if record["obfuscation"] == "none":
            assert record["original"] is None
            continue
        original = by_path[str(record["original"])]
        assert original["obfuscation"] == "none"
        assert (original["label"], original["language"], original["family"]) == (
            record["label"], record["language"], record["family"])


def test_every_transformation_is_used_alone_and_stacked(manifest: list[dict[str, str | None]]) -> None:
    chains = [str(r["obfuscation"]).split("+") for r in manifest if r["label"] == "malicious" and r["obfuscation"] != "none"]
    alone = {c[0] for c in chains if len(c) == 1}
    stacked = {name for c in chains if len(c) > 1 for name in c}
    every = {f.__name__ for f in (*ob.POWERSHELL, *ob.SHELL, *ob.CMD)}
    assert every <= alone
    assert len(stacked) >= 15


def test_the_builder_reproduces_the_committed_tree(tmp_path: Path) -> None:
    # Plain samples and the manifest are fixed by the builder alone. Obfuscated variants also
    # depend on the obfuscation helpers, which evolve with the deobfuscation work: after a
    # helper changes, `python -m tests.corpus.build` regenerates them (checked below only
    # for being real variants).
    build(tmp_path)
    assert (tmp_path / "manifest.jsonl").read_bytes() == (CORPUS_DIR / "manifest.jsonl").read_bytes()
    for line in (tmp_path / "manifest.jsonl").read_text().splitlines():
        record = json.loads(line)
        committed = (CORPUS_DIR / record["path"]).read_bytes()
        if record["original"] is None:
            assert (tmp_path / record["path"]).read_bytes() == committed, record["path"]
        else:
            assert committed != (CORPUS_DIR / record["original"]).read_bytes(), record["path"]
