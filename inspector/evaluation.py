"""Measure detection on a labelled folder tree through the real pipeline (fetching off).

Layout: `DIR/malicious/...` and `DIR/benign/...`, optionally `DIR/manifest.jsonl` with one
record per sample: `path` (relative to DIR), `label`, and optionally `family`, `language`
(`batch` is read as `cmd`), `tactics` and `technique` (ATT&CK), `source` (where the sample
comes from; otherwise the folder below the label), `obfuscation` (`none` or the chain of
transformations) and `original` (path of the plain original of an obfuscated variant). Other
fields (hashes, origin repositories, ...) are ignored, so the development corpus's manifest
reads as it is. Without a manifest, the label is the top folder, the language comes from the
file extension and the family from the folder below the language (or `unknown`).

A sample is *detected* when its verdict is suspicious or malicious. Reported: detection
rate per language, family and ATT&CK tactic (malicious samples), false-positive rate per
language, family and source (benign samples), the finding ids most often behind false
positives and behind detections, which evidence sources (heuristic, yara, sigma, ...) the
detections rest on, the obfuscated-pair rate (variants detected among those whose original
is detected), and the lists of misses and false positives. `compare_sigma` runs the same
folder with and without the Sigma rule folders and names what Sigma alone adds.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from inspector.config import Settings
from inspector.extensions.request import InputKind, InspectionInput
from inspector.model import ArtifactType, VerdictClass

if TYPE_CHECKING:
    from inspector.pipeline import Inspector

LABELS = ("malicious", "benign")
# Other names manifests use for a language the pipeline knows.
LANGUAGE_ALIASES = {"batch": "cmd", "bat": "cmd", "sh": "shell", "bash": "shell", "pwsh": "powershell"}
LANGUAGE_BY_EXTENSION = {
    ".ps1": "powershell", ".psm1": "powershell", ".psd1": "powershell",
    ".sh": "shell", ".bash": "shell",
    ".cmd": "cmd", ".bat": "cmd",
    ".py": "python",
}
ARTIFACT_TYPE_BY_LANGUAGE = {
    "powershell": ArtifactType.POWERSHELL, "shell": ArtifactType.SHELL, "cmd": ArtifactType.CMD,
    "python": ArtifactType.PYTHON,
}
# A labelled tree is test data; more samples than this is a wrong folder, not a corpus.
# (Each sample is bounded by INSPECTOR_MAX_INPUT_BYTES, like any input.)
MAX_SAMPLES = 100_000


class EvaluationError(Exception):
    """The folder is not a labelled corpus (the message says why)."""


class _Shape(BaseModel):
    model_config = ConfigDict(extra="forbid")


# Finding ids listed as "behind" false positives and detections.
TOP_FINDINGS = 15


class LabelledSample(BaseModel):
    # A manifest may carry more than evaluation reads (hashes, origin, test names): ignored.
    model_config = ConfigDict(extra="ignore")

    path: str
    label: str
    family: str = "unknown"
    language: str = "unknown"
    obfuscation: str = "none"
    original: str | None = None
    tactics: list[str] = Field(default_factory=list)
    technique: str | None = None
    source: str | None = None

    def source_name(self) -> str:
        """`source`, else the folder below the label (`benign/<source>/...`), else `unknown`."""
        if self.source:
            return self.source
        parts = self.path.split("/")
        return parts[1] if len(parts) > 2 else "unknown"


class SampleResult(_Shape):
    path: str
    label: str
    family: str
    language: str
    obfuscation: str
    original: str | None
    verdict: str
    score: int
    complete: bool
    elapsed_ms: float
    top_findings: list[str] = Field(default_factory=list)
    tactics: list[str] = Field(default_factory=list)
    technique: str | None = None
    source: str = "unknown"
    finding_ids: list[str] = Field(default_factory=list, description="ids of the findings that scored, highest first")
    evidence_sources: list[str] = Field(default_factory=list,
                                        description="sources of the findings that scored (heuristic, sigma, ...)")


class FindingCount(_Shape):
    id: str
    samples: int


class Rate(_Shape):
    total: int
    hits: int
    rate: float


class PairRate(_Shape):
    pairs: int = Field(description="obfuscated variants whose original is detected")
    detected: int = Field(description="of those, variants detected too")
    rate: float


class Thresholds(_Shape):
    min_detection: float
    max_fp: float
    min_pairs: float
    max_source_fp: float = Field(default=1.0, description="highest false-positive rate of any one benign source")


class EvaluationReport(_Shape):
    root: str
    samples: int
    malicious: int
    benign: int
    detection: Rate
    false_positives: Rate
    detection_by_language: dict[str, Rate]
    detection_by_family: dict[str, Rate]
    fp_by_language: dict[str, Rate]
    fp_by_family: dict[str, Rate]
    detection_by_tactic: dict[str, Rate] = Field(default_factory=dict)
    fp_by_source: dict[str, Rate] = Field(default_factory=dict)
    detection_by_evidence: dict[str, Rate] = Field(
        default_factory=dict,
        description="malicious samples detected with a scoring finding of each source (a sample counts under each)")
    top_fp_findings: list[FindingCount] = Field(default_factory=list)
    top_detection_findings: list[FindingCount] = Field(default_factory=list)
    obfuscated_pairs: PairRate
    misses: list[SampleResult]
    false_positive_samples: list[SampleResult]
    thresholds: Thresholds
    passed: bool
    failures: list[str]
    elapsed_s: float
    results: list[SampleResult] = Field(default_factory=list, description="every sample, for --json")


def load_samples(root: Path) -> list[LabelledSample]:
    """Samples from `manifest.jsonl` if present, else from the folder layout."""
    if not root.is_dir():
        raise EvaluationError(f"{root} is not a directory")
    manifest = root / "manifest.jsonl"
    if manifest.is_file():
        return _from_manifest(root, manifest)
    samples = []
    for label in LABELS:
        folder = root / label
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            relative = path.relative_to(root)
            parts = relative.parts
            language = LANGUAGE_BY_EXTENSION.get(path.suffix.lower(), "unknown")
            family = parts[2] if len(parts) > 3 else "unknown"
            samples.append(LabelledSample(path=relative.as_posix(), label=label, family=family, language=language,
                                          source=None if family == "unknown" else family))
            if len(samples) > MAX_SAMPLES:
                raise EvaluationError(f"more than {MAX_SAMPLES} samples")
    if not samples:
        raise EvaluationError(f"{root} has no samples under malicious/ or benign/")
    return samples


def _from_manifest(root: Path, manifest: Path) -> list[LabelledSample]:
    samples = []
    for number, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            sample = LabelledSample.model_validate_json(line)
        except ValueError as exc:
            raise EvaluationError(f"{manifest}:{number}: invalid record: {exc}") from None
        sample.language = LANGUAGE_ALIASES.get(sample.language, sample.language)
        if sample.label not in LABELS:
            raise EvaluationError(f"{manifest}:{number}: label must be one of {LABELS}, got {sample.label!r}")
        resolved = (root / sample.path).resolve()
        if not resolved.is_relative_to(root.resolve()):
            raise EvaluationError(f"{manifest}:{number}: path {sample.path!r} leaves the corpus folder")
        samples.append(sample)
        if len(samples) > MAX_SAMPLES:
            raise EvaluationError(f"more than {MAX_SAMPLES} samples")
    if not samples:
        raise EvaluationError(f"{manifest} lists no samples")
    return samples


def scan_samples(
    root: Path,
    samples: list[LabelledSample],
    settings: Settings,
    progress: Callable[[], None] | None = None,
    workers: int | None = 1,
) -> list[SampleResult]:
    """Each sample through the real pipeline with fetching off, on `workers` processes (None or
    0: one per CPU, 1: in this process), results in sample order."""
    from inspector.inspect_many import inspect_many

    results = []
    jobs = ((root, sample) for sample in samples)
    for result in inspect_many(settings, _scan_sample, jobs, workers=workers, count=len(samples)):
        results.append(result)
        if progress is not None:
            progress()
    return results


async def _scan_sample(inspector: Inspector, job: tuple[Path, LabelledSample]) -> SampleResult:
    root, sample = job
    settings = inspector.settings
    path = root / sample.path
    if path.stat().st_size > settings.max_input_bytes:
        raise EvaluationError(
            f"{sample.path} is larger than {settings.max_input_bytes} bytes (INSPECTOR_MAX_INPUT_BYTES)"
        )
    inp = InspectionInput(
        kind=InputKind.SCRIPT,
        content=path.read_bytes(),
        language=ARTIFACT_TYPE_BY_LANGUAGE.get(sample.language),
        filename=path.name,
    )
    started = time.perf_counter()
    result = await inspector.inspect(inp, fetch=False, input_name=sample.path)
    elapsed = (time.perf_counter() - started) * 1000
    verdict = result.verdict
    ranked = sorted(verdict.findings, key=lambda f: f.score, reverse=True)
    scoring = [f for f in ranked if f.score > 0]
    return SampleResult(
        path=sample.path, label=sample.label, family=sample.family, language=sample.language,
        obfuscation=sample.obfuscation, original=sample.original, verdict=verdict.verdict.value,
        score=verdict.score, complete=verdict.complete, elapsed_ms=round(elapsed, 2),
        top_findings=[f"{f.id}={f.score}" for f in ranked[:5]],
        tactics=sample.tactics, technique=sample.technique, source=sample.source_name(),
        finding_ids=list(dict.fromkeys(f.id for f in scoring)),
        evidence_sources=sorted({str(f.source) for f in scoring}),
    )


def _rate(results: Iterable[SampleResult], hit: Callable[[SampleResult], bool]) -> Rate:
    items = list(results)
    hits = sum(1 for r in items if hit(r))
    return Rate(total=len(items), hits=hits, rate=round(hits / len(items), 4) if items else 0.0)


def _grouped(results: list[SampleResult], key: Callable[[SampleResult], str],
             hit: Callable[[SampleResult], bool]) -> dict[str, Rate]:
    groups: dict[str, list[SampleResult]] = {}
    for r in results:
        groups.setdefault(key(r), []).append(r)
    return {name: _rate(items, hit) for name, items in sorted(groups.items())}


def _detected(result: SampleResult) -> bool:
    return result.verdict != VerdictClass.CLEAN.value


def _by_tactic(malicious: list[SampleResult]) -> dict[str, Rate]:
    groups: dict[str, list[SampleResult]] = {}
    for r in malicious:
        for tactic in r.tactics:
            groups.setdefault(tactic, []).append(r)
    return {name: _rate(items, _detected) for name, items in sorted(groups.items())}


def _by_evidence(malicious: list[SampleResult]) -> dict[str, Rate]:
    sources = sorted({s for r in malicious for s in r.evidence_sources})
    return {source: _rate(malicious, lambda r, s=source: _detected(r) and s in r.evidence_sources)
            for source in sources}


def top_findings(results: Iterable[SampleResult], limit: int = TOP_FINDINGS) -> list[FindingCount]:
    """The finding ids present in most of `results` (each sample counts an id once)."""
    counts: Counter[str] = Counter(i for r in results for i in set(r.finding_ids))
    return [FindingCount(id=i, samples=n) for i, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]


def summarise(root: Path, results: list[SampleResult], thresholds: Thresholds, elapsed_s: float) -> EvaluationReport:
    malicious = [r for r in results if r.label == "malicious"]
    benign = [r for r in results if r.label == "benign"]
    by_path = {r.path: r for r in results}
    pairs = [r for r in malicious if r.original and r.original in by_path and _detected(by_path[r.original])]
    pair_hits = sum(1 for r in pairs if _detected(r))
    pair_rate = PairRate(pairs=len(pairs), detected=pair_hits, rate=round(pair_hits / len(pairs), 4) if pairs else 1.0)
    detection_by_language = _grouped(malicious, lambda r: r.language, _detected)
    fp = _rate(benign, _detected)
    failures = [
        f"detection for {language} is {rate.rate:.2%} < {thresholds.min_detection:.2%}"
        for language, rate in detection_by_language.items()
        if rate.rate < thresholds.min_detection
    ]
    if benign and fp.rate > thresholds.max_fp:
        failures.append(f"false positives {fp.rate:.2%} > {thresholds.max_fp:.2%}")
    fp_by_source = _grouped(benign, lambda r: r.source, _detected)
    failures.extend(
        f"false positives of source {source} are {rate.rate:.2%} > {thresholds.max_source_fp:.2%}"
        for source, rate in fp_by_source.items() if rate.rate > thresholds.max_source_fp
    )
    if pairs and pair_rate.rate < thresholds.min_pairs:
        failures.append(f"obfuscated pairs {pair_rate.rate:.2%} < {thresholds.min_pairs:.2%}")
    if not malicious:
        failures.append("no malicious samples")
    return EvaluationReport(
        root=str(root),
        samples=len(results),
        malicious=len(malicious),
        benign=len(benign),
        detection=_rate(malicious, _detected),
        false_positives=fp,
        detection_by_language=detection_by_language,
        detection_by_family=_grouped(malicious, lambda r: r.family, _detected),
        fp_by_language=_grouped(benign, lambda r: r.language, _detected),
        fp_by_family=_grouped(benign, lambda r: r.family, _detected),
        detection_by_tactic=_by_tactic(malicious),
        fp_by_source=fp_by_source,
        detection_by_evidence=_by_evidence(malicious),
        top_fp_findings=top_findings(r for r in benign if _detected(r)),
        top_detection_findings=top_findings(r for r in malicious if _detected(r)),
        obfuscated_pairs=pair_rate,
        misses=[r for r in malicious if not _detected(r)],
        false_positive_samples=[r for r in benign if _detected(r)],
        thresholds=thresholds,
        passed=not failures,
        failures=failures,
        elapsed_s=round(elapsed_s, 2),
        results=results,
    )


def evaluate(
    root: Path,
    settings: Settings,
    thresholds: Thresholds,
    progress_factory: Callable[[int], Callable[[], None]] | None = None,
    workers: int | None = None,
) -> EvaluationReport:
    """Load, scan and summarise a labelled tree (synchronous entry point for the CLI)."""
    samples = load_samples(root)
    progress = progress_factory(len(samples)) if progress_factory is not None else None
    started = time.perf_counter()
    results = scan_samples(root, samples, settings, progress, workers)
    return summarise(root, results, thresholds, time.perf_counter() - started)


class SigmaComparison(_Shape):
    """One folder evaluated with the Sigma rule folders and without them."""

    sigma_dirs: list[str]
    with_sigma: EvaluationReport
    without_sigma: EvaluationReport
    detected_only_with_sigma: list[str] = Field(description="malicious samples Sigma's findings alone flag")
    false_positives_only_with_sigma: list[str] = Field(description="benign samples Sigma's findings alone flag")
    passed: bool = Field(description="the thresholds hold with the Sigma rules (the product as configured)")


def compare_sigma(
    root: Path,
    settings: Settings,
    thresholds: Thresholds,
    progress_factory: Callable[[int], Callable[[], None]] | None = None,
    workers: int | None = None,
) -> SigmaComparison:
    """`evaluate` with `settings.sigma_dirs` and again without, so Sigma's share is visible."""
    if not settings.sigma_dirs:
        raise EvaluationError("comparing with Sigma needs Sigma rule folders (INSPECTOR_SIGMA_DIRS)")
    with_sigma = evaluate(root, settings, thresholds, progress_factory, workers)
    without_sigma = evaluate(root, settings.model_copy(update={"sigma_dirs": []}), thresholds, progress_factory, workers)
    before = {r.path: _detected(r) for r in without_sigma.results}
    added = [r for r in with_sigma.results if _detected(r) and not before.get(r.path, False)]
    return SigmaComparison(
        sigma_dirs=[str(d) for d in settings.sigma_dirs],
        with_sigma=with_sigma,
        without_sigma=without_sigma,
        detected_only_with_sigma=[r.path for r in added if r.label == "malicious"],
        false_positives_only_with_sigma=[r.path for r in added if r.label == "benign"],
        passed=with_sigma.passed,
    )


def report_json(report: EvaluationReport | SigmaComparison) -> str:
    return json.dumps(report.model_dump(mode="json"), indent=2)
