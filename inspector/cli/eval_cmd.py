"""`inspector eval DIR`: detection and false-positive rates on a labelled corpus."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from inspector.evaluation import (
    EvaluationError, EvaluationReport, FindingCount, Rate, SigmaComparison, Thresholds, compare_sigma, evaluate,
    report_json,
)

EXIT_PASSED = 0
EXIT_BELOW_THRESHOLD = 1
EXIT_ERROR = 2


def _rate_rows(title: str, rates: dict[str, Rate]) -> list[str]:
    if set(rates) <= {"unknown"}:
        return []  # a manifest without this grouping (no families, no sources): nothing to show
    lines = [title]
    for name, rate in rates.items():
        lines.append(f"  {name:<28} {rate.hits:>5}/{rate.total:<5} {rate.rate:>8.2%}")
    return lines


def _finding_rows(title: str, counts: list[FindingCount]) -> list[str]:
    return [title, *(f"  {c.id:<60} {c.samples:>5}" for c in counts)] if counts else [f"{title} none"]


def render_report(report: EvaluationReport, list_limit: int) -> str:
    lines = [
        f"corpus {report.root}: {report.samples} samples ({report.malicious} malicious, {report.benign} benign) "
        f"in {report.elapsed_s:.1f}s",
        f"detection        {report.detection.hits}/{report.detection.total} {report.detection.rate:.2%}",
        f"false positives  {report.false_positives.hits}/{report.false_positives.total} "
        f"{report.false_positives.rate:.2%}",
        f"obfuscated pairs {report.obfuscated_pairs.detected}/{report.obfuscated_pairs.pairs} "
        f"{report.obfuscated_pairs.rate:.2%} (variant detected when its original is)",
        "",
        *_rate_rows("detection by language", report.detection_by_language),
        *_rate_rows("detection by family", report.detection_by_family),
        *(_rate_rows("detection by ATT&CK tactic", report.detection_by_tactic) if report.detection_by_tactic else []),
        *_rate_rows("detections resting on findings of each source", report.detection_by_evidence),
        *_rate_rows("false positives by language", report.fp_by_language),
        *_rate_rows("false positives by family", report.fp_by_family),
        *_rate_rows("false positives by source", report.fp_by_source),
        "",
        *_finding_rows("findings behind false positives (samples):", report.top_fp_findings),
        *_finding_rows("findings behind detections (samples):", report.top_detection_findings),
        "",
        f"misses ({len(report.misses)}):",
    ]
    for miss in report.misses[:list_limit]:
        lines.append(f"  {miss.path} score={miss.score} [{miss.obfuscation}] {' '.join(miss.top_findings[:3])}")
    if len(report.misses) > list_limit:
        lines.append(f"  ... {len(report.misses) - list_limit} more (use --json)")
    lines.append(f"false positives ({len(report.false_positive_samples)}):")
    for fp in report.false_positive_samples[:list_limit]:
        lines.append(f"  {fp.path} {fp.verdict} score={fp.score} {' '.join(fp.top_findings[:3])}")
    lines.append("")
    lines.append("PASSED" if report.passed else "FAILED: " + "; ".join(report.failures))
    return "\n".join(lines)


def render_comparison(comparison: SigmaComparison, list_limit: int) -> str:
    with_sigma, without = comparison.with_sigma, comparison.without_sigma
    lines = [f"Sigma rule folders: {', '.join(comparison.sigma_dirs)}", "",
             f"{'':<30} {'without Sigma':>16} {'with Sigma':>16}"]

    def row(name: str, a: Rate | None, b: Rate | None) -> None:
        cell = lambda r: f"{r.hits}/{r.total} {r.rate:.2%}" if r else "-"  # noqa: E731
        lines.append(f"{name:<30} {cell(a):>16} {cell(b):>16}")

    row("detection", without.detection, with_sigma.detection)
    for language in with_sigma.detection_by_language:
        row(f"  detection {language}", without.detection_by_language.get(language),
            with_sigma.detection_by_language[language])
    row("false positives", without.false_positives, with_sigma.false_positives)
    for language in with_sigma.fp_by_language:
        row(f"  false positives {language}", without.fp_by_language.get(language), with_sigma.fp_by_language[language])
    lines += ["", f"detected only with Sigma ({len(comparison.detected_only_with_sigma)}):",
              *(f"  {p}" for p in comparison.detected_only_with_sigma[:list_limit]),
              f"false positives only with Sigma ({len(comparison.false_positives_only_with_sigma)}):",
              *(f"  {p}" for p in comparison.false_positives_only_with_sigma[:list_limit]),
              "", "=== with Sigma ===", render_report(with_sigma, list_limit)]
    return "\n".join(lines)


def _progress_factory(enabled: bool) -> Callable[[int], Callable[[], None]] | None:
    if not enabled or not sys.stderr.isatty():
        return None

    def factory(total: int) -> Callable[[], None]:
        done = [0]

        def advance() -> None:
            done[0] += 1
            if done[0] % 25 == 0 or done[0] == total:
                click.echo(f"\rscanned {done[0]}/{total}", err=True, nl=done[0] == total)

        return advance

    return factory


@click.command(name="eval")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option("--min-detection", type=click.FloatRange(0, 1), default=0.95, show_default=True,
              help="Lowest acceptable detection rate, per language.")
@click.option("--max-fp", type=click.FloatRange(0, 1), default=0.01, show_default=True,
              help="Highest acceptable false-positive rate.")
@click.option("--min-pairs", type=click.FloatRange(0, 1), default=0.95, show_default=True,
              help="Lowest acceptable rate of obfuscated variants detected when their original is.")
@click.option("--max-source-fp", type=click.FloatRange(0, 1), default=1.0, show_default=True,
              help="Highest acceptable false-positive rate of any one benign source.")
@click.option("--compare-sigma", "compare_sigma_too", is_flag=True,
              help="Run twice, with the Sigma rule folders (INSPECTOR_SIGMA_DIRS) and without, and show both.")
@click.option("--list-limit", type=click.IntRange(0), default=50, show_default=True,
              help="Misses and false positives listed in the text report.")
@click.option("--workers", type=click.IntRange(0, 256), default=0, show_default=True,
              help="Processes scanning samples at once; 0 = one per CPU, 1 = all in this process.")
@click.pass_obj
def eval_command(app: object, directory: Path, as_json: bool, min_detection: float, max_fp: float,
                 min_pairs: float, max_source_fp: float, compare_sigma_too: bool, list_limit: int,
                 workers: int) -> None:
    """Scan a labelled corpus (DIR/malicious, DIR/benign, optional manifest.jsonl) and print the rates.

    Per language, family and ATT&CK tactic for malicious samples; per language, family and
    source for benign ones; the finding ids behind false positives and detections.
    --compare-sigma shows the same with and without the Sigma rule folders.
    Exit 0 when every threshold is met, 1 when one is not, 2 on an unusable corpus.
    """
    settings = app.settings  # type: ignore[attr-defined]
    thresholds = Thresholds(min_detection=min_detection, max_fp=max_fp, min_pairs=min_pairs,
                            max_source_fp=max_source_fp)
    report: EvaluationReport | SigmaComparison
    try:
        if compare_sigma_too:
            report = compare_sigma(directory, settings, thresholds, _progress_factory(not as_json), workers)
            text = render_comparison(report, list_limit)
        else:
            report = evaluate(directory, settings, thresholds, _progress_factory(not as_json), workers)
            text = render_report(report, list_limit)
    except EvaluationError as exc:
        click.echo(f"inspector eval: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(report_json(report) if as_json else text)
    sys.exit(EXIT_PASSED if report.passed else EXIT_BELOW_THRESHOLD)
