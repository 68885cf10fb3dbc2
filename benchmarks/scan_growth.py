"""Does analysis cost grow with the work, not faster? CPU time per KB at 1 KB, 10 KB, 100 KB and 1 MB.

    .venv/bin/python benchmarks/scan_growth.py [--sizes 1,10,100,1000] [--only SHAPE] [--corpus DIR]

Shapes: real scripts of each language from ../shared/corpus-dev (benign and malicious files of
that language concatenated in manifest order until the size is reached; read at run time,
never copied), and generated hostile shapes: one long line, deep nesting, many variables, a
long operator chain, a huge base64 line, per language where it applies. Each input goes
through the full pipeline in this process (fetching off, the scan deadline raised so a large
input is measured rather than cut short); the figure is this process's CPU time, which other
processes on a shared machine do not inflate. A shape is flagged when its cost per KB at the
largest size is more than twice that at the size before it; a verdict cut short by a limit
is shown too, since a limit hides growth.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from inspector.config import Settings  # noqa: E402
from inspector.extensions.request import InputKind, InspectionInput  # noqa: E402
from inspector.model import ArtifactType  # noqa: E402
from inspector.pipeline import Inspector  # noqa: E402

KB = 1024
LANGUAGES = {"powershell": ArtifactType.POWERSHELL, "shell": ArtifactType.SHELL, "batch": ArtifactType.CMD}
GROWTH_FLAG = 2.0


def real(corpus: Path, language: str) -> Callable[[int], str]:
    paths = []
    for line in (corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("language") == language:
            paths.append(corpus / record["path"])

    def build(size: int) -> str:
        parts, total = [], 0
        for path in paths:
            text = path.read_text(encoding="utf-8", errors="replace")
            parts.append(text if text.endswith("\n") else text + "\n")
            total += len(parts[-1])
            if total >= size:
                break
        return "".join(parts)[:size]

    return build


def repeat(unit: Callable[[int], str], size: int, sep: str = "") -> str:
    parts, total, n = [], 0, 0
    while total < size:
        piece = unit(n) + sep
        parts.append(piece)
        total += len(piece)
        n += 1
    return "".join(parts)[:size]


def nested(open_: str, close: str, middle: str) -> Callable[[int], str]:
    def build(size: int) -> str:
        depth = max(1, (size - len(middle)) // (len(open_) + len(close)))
        return open_ * depth + middle + close * depth

    return build


def base64_line(prefix: str, suffix: str) -> Callable[[int], str]:
    def build(size: int) -> str:
        rng = random.Random(16)
        raw = bytes(rng.getrandbits(8) for _ in range(size * 3 // 4))
        return prefix + base64.b64encode(raw).decode()[: size - len(prefix) - len(suffix)] + suffix

    return build


def shapes(corpus: Path) -> dict[str, tuple[ArtifactType, Callable[[int], str]]]:
    ps, sh, cmd = ArtifactType.POWERSHELL, ArtifactType.SHELL, ArtifactType.CMD
    found: dict[str, tuple[ArtifactType, Callable[[int], str]]] = {}
    if (corpus / "manifest.jsonl").is_file():
        for language, kind in LANGUAGES.items():
            found[f"real-{language}"] = (kind, real(corpus, language))
    found.update({
        "ps-long-line": (ps, lambda n: repeat(lambda i: f"Write-Output 'item {i}'", n, "; ")),
        "ps-deep-nesting": (ps, nested("(", ")", "'x'")),
        "ps-deep-blocks": (ps, nested("if ($a) { ", " }", "Get-Date")),
        "ps-many-variables": (ps, lambda n: repeat(lambda i: f"$v{i} = 'p{i}'", n, "\n")),
        "ps-concat-chain": (ps, lambda n: "$x = " + repeat(lambda i: f"'a{i % 10}'", n - 8, " + ")),
        "ps-format-chain": (ps, lambda n: "$x = " + repeat(lambda i: f"('{{0}}' -f 'c{i % 10}')", n - 8, " + ")),
        "ps-base64-line": (ps, base64_line("$b = [Convert]::FromBase64String('", "')")),
        "sh-long-line": (sh, lambda n: repeat(lambda i: f"echo item{i}", n, " && ")),
        "sh-deep-nesting": (sh, nested("$(echo ", ")", "x")),
        "sh-many-variables": (sh, lambda n: repeat(lambda i: f"v{i}=p{i}", n, "\n")),
        "sh-concat-chain": (sh, lambda n: "x=" + repeat(lambda i: f"${{v{i % 10}}}", n - 4, "")),
        "sh-base64-line": (sh, base64_line("echo ", " | base64 -d | sh")),
        "cmd-long-line": (cmd, lambda n: repeat(lambda i: f"echo item{i}", n, " & ")),
        "cmd-deep-nesting": (cmd, nested("if 1==1 (", ")", "echo x")),
        "cmd-many-variables": (cmd, lambda n: repeat(lambda i: f"set v{i}=p{i}", n, "\r\n")),
        "cmd-concat-chain": (cmd, lambda n: "echo " + repeat(lambda i: f"%v{i % 10}%", n - 6, "")),
        "cmd-base64-line": (cmd, base64_line("echo ", " > x.b64 & certutil -decode x.b64 x.exe")),
    })
    return found


def measure(inspector: Inspector, kind: ArtifactType, text: str, loop: asyncio.AbstractEventLoop) -> tuple[float, str]:
    inp = InspectionInput(kind=InputKind.SCRIPT, content=text.encode(), language=kind, filename=None)
    started = time.process_time()
    verdict = loop.run_until_complete(inspector.inspect(inp, fetch=False)).verdict
    cpu = time.process_time() - started
    # URLs left unfetched (fetching is off here) are expected; any other error is a limit that was hit.
    limits = sorted({e.kind for e in verdict.errors} - {"not_fetched"})
    cut = "cut short: " + ",".join(limits) if limits else ""
    return cpu, cut


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,10,100,1000", help="sizes in KB")
    parser.add_argument("--only", action="append", help="a shape to run (repeatable); default all")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus-dev")
    parser.add_argument("--deadline", type=float, default=600.0, help="scan deadline for this run, seconds")
    args = parser.parse_args()
    sizes = [int(s) * KB for s in args.sizes.split(",")]
    settings = Settings(fetch=False, scan_deadline_s=args.deadline)
    loop = asyncio.new_event_loop()
    inspector = loop.run_until_complete(Inspector.start(settings, workers=0, fetching=False))
    flagged = []
    print(f"{'shape':<20}" + "".join(f"{s // KB:>9} KB" for s in sizes) + "   (CPU ms per KB)")
    try:
        for name, (kind, build) in shapes(args.corpus).items():
            if args.only and name not in args.only:
                continue
            measure(inspector, kind, build(KB), loop)  # warm: parser, caches
            per_kb, notes = [], []
            for size in sizes:
                text = build(size)
                cpu, cut = measure(inspector, kind, text, loop)
                per_kb.append(cpu * 1000 / (len(text.encode()) / KB))
                if cut:
                    notes.append(f"{size // KB} KB {cut}")
            growth = per_kb[-1] / per_kb[-2] if len(per_kb) > 1 and per_kb[-2] > 0 else 1.0
            mark = f"  GROWS {growth:.1f}x" if growth > GROWTH_FLAG else f"  ({growth:.1f}x)"
            if growth > GROWTH_FLAG:
                flagged.append(name)
            print(f"{name:<20}" + "".join(f"{v:12.2f}" for v in per_kb) + mark
                  + (f"  [{'; '.join(notes)}]" if notes else ""), flush=True)
    finally:
        loop.run_until_complete(inspector.close())
        loop.close()
    print("superlinear (per-KB cost > 2x from the last size step):", ", ".join(flagged) or "none")


if __name__ == "__main__":
    main()
