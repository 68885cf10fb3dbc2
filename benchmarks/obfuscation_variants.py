"""Do flagged malicious scripts stay flagged under framework-style obfuscation?

    .venv/bin/python benchmarks/obfuscation_variants.py [--corpus ../shared/corpus-dev] [--seed 1]
        [--inspector .venv/bin/inspector] [--limit N] [--json]

Scans the labelled corpus's malicious scripts with `inspector scan --json` (one process), takes
those flagged (suspicious or malicious), rewrites each with every transform of its language in
`inspector.evaluation_obfuscation` (character arrays, printf escapes, glob paths, `$'...'`;
chunked base64 across junk variables, concatenation, format operator, char codes, ticks;
carets, `%VAR:~x,1%` substrings, `set` chains; and stacks of two), seeded, scans the variants
in one more process and prints, per language and transform, the share still flagged.
Environment variables (INSPECTOR_SIGMA_DIRS, ...) pass through to both scans.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inspector.evaluation import LANGUAGE_ALIASES  # noqa: E402
from inspector.evaluation_obfuscation import transform_names, variant  # noqa: E402

FLAGGED = ("suspicious", "malicious")


def scan(inspector: str, cwd: Path, folders: list[str]) -> dict[str, str]:
    """Verdict per input path (relative to cwd) from one `inspector scan --json` process."""
    done = subprocess.run([inspector, "scan", "--json", *folders], cwd=cwd, capture_output=True, text=True)
    verdicts = {}
    for line in done.stdout.splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        verdicts[os.path.normpath(str(record.get("input", "")))] = record.get("verdict")
    if not verdicts:
        sys.exit(f"no verdicts from {inspector} (exit {done.returncode}): {done.stderr[-400:]}")
    return verdicts


def main() -> None:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=here.parent / "shared" / "corpus-dev")
    parser.add_argument("--inspector", default=str(here / ".venv" / "bin" / "inspector"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=int, default=0, help="at most N flagged originals per language (0: all)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    rows = [json.loads(line) for line in (args.corpus / "manifest.jsonl").read_text().splitlines() if line.strip()]
    malicious = [r for r in rows if r["label"] == "malicious"]
    originals = scan(args.inspector, args.corpus, ["malicious"])
    flagged: dict[str, list[dict[str, object]]] = defaultdict(list)
    for record in malicious:
        language = LANGUAGE_ALIASES.get(record["language"], record["language"])
        if originals.get(os.path.normpath(record["path"])) in FLAGGED:
            if not args.limit or len(flagged[language]) < args.limit:
                flagged[language].append(record)

    with tempfile.TemporaryDirectory(prefix="obfuscation-variants-") as temp:
        root = Path(temp)
        expected: list[tuple[str, str, str]] = []  # (language, transform, variant path)
        for language, records in flagged.items():
            for name in transform_names(language):
                for record in records:
                    text = (args.corpus / str(record["path"])).read_bytes().decode("utf-8", errors="replace")
                    path = Path("variants") / name / str(record["path"])
                    (root / path).parent.mkdir(parents=True, exist_ok=True)
                    (root / path).write_text(variant(text, language, name, args.seed), encoding="utf-8",
                                             newline="")
                    expected.append((language, name, os.path.normpath(str(path))))
        verdicts = scan(args.inspector, root, ["variants"]) if expected else {}

    kept: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for language, name, path in expected:
        cell = kept[(language, name)]
        cell[0] += 1
        cell[1] += verdicts.get(path) in FLAGGED
    figures = {
        "seed": args.seed,
        "flagged_originals": {language: len(records) for language, records in flagged.items()},
        "malicious": {language: sum(1 for r in malicious if LANGUAGE_ALIASES.get(r["language"], r["language"]) ==
                                    language) for language in flagged},
        "kept": {f"{language}/{name}": {"variants": n, "flagged": k, "rate": round(k / n, 4) if n else None}
                 for (language, name), (n, k) in sorted(kept.items())},
    }
    total = sum(n for n, _ in kept.values())
    figures["overall"] = round(sum(k for _, k in kept.values()) / total, 4) if total else None
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    for language, count in sorted(figures["flagged_originals"].items()):
        print(f"{language}: {count} flagged originals of {figures['malicious'][language]} malicious")
    print(f"{'language/transform':<40} {'flagged variants':>20}")
    for key, cell in figures["kept"].items():
        print(f"{key:<40} {cell['flagged']:>6}/{cell['variants']:<6} {cell['rate']:>7.1%}")
    if total:
        print(f"all variants still flagged: {figures['overall']:.1%} (seed {args.seed})")


if __name__ == "__main__":
    main()
