"""The detection catalog declares every detection once, well formed, and every finding the engine
makes carries a declared id."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path
from typing import get_args

import pytest
import regex

from inspector.config import Settings
from inspector.detections import (
    DETECTION_MODULES,
    DETECTIONS,
    Catalog,
    DuplicateDetection,
    alert_types,
    catalog_for,
)
from inspector.extensions.kinds import KINDS
from inspector.extensions.request import InputKind, InspectionInput
from inspector.model import DetectionSource, FindingSource
from inspector.rules.ruleset import compile_ruleset
from inspector.rules.paths import builtin_signature_dir
from inspector.scoring import ALERT_TYPES
from inspector.stage import Feed, Heuristic
from tests.corpus.build import CORPUS_DIR
from tests.extensions import samples
from tests.timing import GIVE_UP_S

ATTACK_ID = regex.compile(r"^T\d{4}(?:\.\d{3})?$")
DETECTION_ID = regex.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+$")
BUILTIN_RULES = compile_ruleset([builtin_signature_dir()])


def test_every_detection_is_well_formed_and_feeds_alert_types_that_exist() -> None:
    for entry in catalog_for(BUILTIN_RULES):
        assert DETECTION_ID.match(entry.id), entry.id
        assert entry.title and len(entry.description) > 20, entry.id
        assert 0 < entry.score <= 1000 and (entry.cap is None or entry.cap >= entry.score), entry.id
        assert all(ATTACK_ID.match(a) for a in entry.attack), entry.id
        assert isinstance(entry.source, DetectionSource), entry.id
        fed = alert_types(entry, KINDS)
        assert fed and all(name in ALERT_TYPES for name in fed), entry.id


def test_the_catalog_holds_every_source_of_findings_today() -> None:
    # YARA and Sigma entries come from the active ruleset, not from the built-in catalog.
    # ... and the activity detectors declare theirs (inspector/activity/catalog.py).
    assert {e.source.value for e in DETECTIONS} | {"yara", "sigma"} == set(get_args(FindingSource)) | {"activity"}
    assert set(get_args(FindingSource)) | {"activity"} == {s.value for s in DetectionSource}
    assert len(DETECTIONS) >= 263


def test_alert_feeds_follow_where_the_evidence_is() -> None:
    for entry in DETECTIONS:
        if entry.source is DetectionSource.REPUTATION:
            assert entry.feeds is Feed.URL, entry.id
        elif entry.source is DetectionSource.ACTIVITY:
            # activity detectors raise their own alert from the history, never from a payload finding
            assert entry.feeds is Feed.CONTEXT and entry.id.startswith("activity."), entry.id
        elif entry.feeds in (Feed.CONTEXT, Feed.DELETION, Feed.VERDICT):
            # only checks of the request itself raise alerts without an artifact
            assert entry.source is DetectionSource.STRUCTURE and entry.id.startswith("structure."), entry.id
        else:
            assert entry.feeds is Feed.PAYLOAD, entry.id


def test_the_catalog_is_built_from_the_modules_listed_once() -> None:
    assert len(set(DETECTION_MODULES)) == len(DETECTION_MODULES)
    assert all(module.DETECTIONS for module in DETECTION_MODULES)
    assert [e.id for e in Catalog.of_modules(DETECTION_MODULES)] == [e.id for e in DETECTIONS]


def test_a_second_different_declaration_of_an_id_is_refused() -> None:
    first = Heuristic("heur.test.one", "One", "A detection declared for this test only.", 100)
    assert len(Catalog([first, first])) == 1
    with pytest.raises(DuplicateDetection):
        Catalog([first, Heuristic("heur.test.one", "One", "The same id declared again, differently.", 200)])


def test_a_context_detection_must_name_its_alert() -> None:
    with pytest.raises(ValueError):
        Heuristic("structure.test.x", "X", "A context check without its alert.", 100, feed=Feed.CONTEXT)
    with pytest.raises(ValueError):
        Heuristic("heur.test.x", "X", "An alert on a detection that feeds the payload alert.", 100,
                  alert="VM_RunCommandSuspiciousUsage")


def test_yara_rules_declare_themselves_when_the_ruleset_compiles(tmp_path: Path) -> None:
    catalog = catalog_for(BUILTIN_RULES)
    yara_entries = catalog.by_source(DetectionSource.YARA)
    assert len(yara_entries) == BUILTIN_RULES.rule_count
    (tmp_path / "op.yar").write_text(
        'rule bare_rule { strings: $a = "zzqq" condition: $a }\n'
        'rule with_meta { meta: id = "yara.op.with_meta" score = 250 attack = "T1105, T1059" '
        'description = "an operator rule with its meta" strings: $a = "qqzz" condition: $a }\n'
        'private rule helper { condition: true }\n')
    operator = catalog_for(compile_ruleset([tmp_path]))
    assert operator["yara.bare_rule"].score == 100 and operator["yara.bare_rule"].title == "bare_rule"
    declared = operator["yara.op.with_meta"]
    assert (declared.score, declared.attack, declared.title) == (250, ("T1105", "T1059"), "an operator rule with its meta")
    assert "yara.helper" not in operator


def test_every_heuristic_built_anywhere_in_the_package_is_in_the_catalog() -> None:
    # A fresh interpreter: only the package's own objects exist there, not the tests'.
    program = (
        "import gc, importlib, pkgutil, inspector\n"
        "for m in pkgutil.walk_packages(inspector.__path__, 'inspector.'):\n"
        "    if '.migrations' not in m.name and not m.name.endswith('__main__'):\n"
        "        importlib.import_module(m.name)\n"
        "from inspector.detections import DETECTIONS\n"
        "from inspector.stage import Heuristic\n"
        "print(sorted({o.id for o in gc.get_objects() if isinstance(o, Heuristic) and o.id not in DETECTIONS}))\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=GIVE_UP_S)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"


def _scan(inputs: list[InspectionInput], tmp_path: Path) -> list[list[str]]:
    """Finding ids of each input's verdict, through the real pipeline with fetching off."""
    from inspector.pipeline import Inspector

    async def run() -> list[list[str]]:
        inspector = await Inspector.start(Settings(data_dir=tmp_path, fetch=False), workers=0, fetching=False)
        try:
            return [[f.id for f in (await inspector.inspect(inp, fetch=False)).verdict.findings] for inp in inputs]
        finally:
            await inspector.close()

    return asyncio.run(run())


def _undeclared(found: list[list[str]]) -> list[str]:
    catalog = catalog_for(BUILTIN_RULES)
    return sorted({fid for ids in found for fid in ids if fid not in catalog})


def test_every_finding_of_the_labelled_corpus_is_declared(tmp_path: Path) -> None:
    records = [json.loads(line) for line in (CORPUS_DIR / "manifest.jsonl").read_text().splitlines() if line.strip()]
    inputs = [InspectionInput(kind=InputKind.AUTO, content=(CORPUS_DIR / r["path"]).read_bytes(),
                              filename=Path(r["path"]).name) for r in records]
    found = _scan(inputs, tmp_path)
    assert sum(map(len, found)) > 1000
    assert _undeclared(found) == []


def test_every_finding_of_the_request_samples_is_declared(tmp_path: Path) -> None:
    bodies = [samples.cse_windows_benign(), samples.cse_windows_malicious(), samples.cse_linux_benign(),
              samples.cse_linux_miner(), samples.dsc_new_format(), samples.dsc_old_format_abuse()]
    run_commands = [samples.run_command_benign(), samples.run_command_add_admin(),
                    samples.managed_run_command("Invoke-Mimikatz", state="Failed", exit_code=1)]
    events = [samples.activity_event("Microsoft.Compute/virtualMachines/extensions/write", body)
              for body in bodies[:2]]
    inputs = ([InspectionInput(kind=InputKind.EXTENSION, body=b) for b in bodies]
              + [InspectionInput(kind=InputKind.RUN_COMMAND, body=b) for b in run_commands]
              + [InspectionInput(kind=InputKind.ACTIVITY_LOG, body=e) for e in events])
    found = _scan(inputs, tmp_path)
    assert any(fid.startswith("structure.") for ids in found for fid in ids)
    assert _undeclared(found) == []
