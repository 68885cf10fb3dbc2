"""Framework-style shell obfuscation over the development corpus's flagged shell commands.

    .venv/bin/python benchmarks/shell_obfuscation.py [--corpus ../shared/corpus-dev]

Every malicious shell script of the corpus that `inspector scan` flags is rewritten line by line
by each generator of tests/obfuscation/shell_frameworks.py (program spelled from an indexed
character array, program named by a glob path, command written as a brace expansion) into a
temporary folder, and the variants are scanned by one `inspector scan --json` process. Prints,
per generator, how many variants stay flagged (the target is >= 95%). Nothing is copied into
the repository; the corpus is read where it lies.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.obfuscation import shell_frameworks as frameworks  # noqa: E402

GENERATORS = (frameworks.sh_char_array, frameworks.sh_glob_program, frameworks.sh_brace_command)
_SKIPPED_STARTS = ("#", "if ", "fi", "then", "else", "elif", "done", "do ", "for ", "while ", "}", "{")


def scan(inspector: str, folder: Path) -> dict[str, str]:
    output = subprocess.run([inspector, "scan", "--json", "."], cwd=folder, capture_output=True, text=True).stdout
    verdicts = {}
    for line in output.splitlines():
        record = json.loads(line)
        verdicts[Path(record["input"]).name] = record["verdict"]
    return verdicts


def rewrite(text: str, generator, seed: int) -> str:  # type: ignore[no-untyped-def]
    lines = []
    for number, line in enumerate(text.split("\n")):
        stripped = line.strip()
        lines.append(line if not stripped or stripped.startswith(_SKIPPED_STARTS) else generator(stripped, seed + number))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus-dev"))
    parser.add_argument("--inspector", default=str(ROOT / ".venv" / "bin" / "inspector"))
    args = parser.parse_args()
    corpus = Path(args.corpus)
    rows = [json.loads(line) for line in (corpus / "manifest.jsonl").read_text().splitlines()]
    scripts = [r["path"] for r in rows if r["language"] == "shell" and r["label"] == "malicious"]
    with tempfile.TemporaryDirectory() as originals_dir, tempfile.TemporaryDirectory() as variants_dir:
        originals, variants = Path(originals_dir), Path(variants_dir)
        for index, path in enumerate(scripts):
            (originals / f"{index:04d}.sh").write_text((corpus / path).read_text(errors="replace"))
        flagged = [name for name, verdict in scan(args.inspector, originals).items() if verdict != "clean"]
        for name in flagged:
            text = (originals / name).read_text()
            for generator in GENERATORS:
                (variants / f"{generator.__name__}__{name}").write_text(rewrite(text, generator, 0))
        kept: Counter[str] = Counter()
        for name, verdict in scan(args.inspector, variants).items():
            kept[name.split("__")[0]] += verdict != "clean"
    print(f"flagged malicious shell scripts: {len(flagged)}/{len(scripts)}")
    for generator in GENERATORS:
        name = generator.__name__
        print(f"{name:18s} variants still flagged {kept[name]}/{len(flagged)} = {kept[name] / max(1, len(flagged)):.1%}")


if __name__ == "__main__":
    main()
