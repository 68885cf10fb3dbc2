"""PE analysis cost: time per MB over several image sizes, and for one 50 MB PE, all built in code.

Run from the repository root:

    .venv/bin/python benchmarks/pe_analysis.py            # 1, 5, 20 and 50 MB images
    .venv/bin/python benchmarks/pe_analysis.py --sizes 1 5 --repeat 3

Each image has the layout of a large real program: code-like .text, string-heavy .rdata,
zero-filled .data, resources (one an embedded PE, some high-entropy) and an overlay, with
imports, exports and version info. The analyzer runs exactly as in the pipeline (PeAnalyzer
with default limits); the embedded-executable search is timed on a script carrying a 5 MB PE
as base64. Bounded: at most four sizes up to 50 MB, a few repetitions each.
"""

from __future__ import annotations

import argparse
import base64
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.binaries when run as a script

from inspector.stage import ScanContext, ScanLimits
from inspector.analyzers.embedded import EmbeddedExecutableAnalyzer
from inspector.analyzers.pe import PeAnalyzer
from inspector.model import ArtifactType
from tests.binaries.payloads import payload, script
from tests.binaries.pe_builder import CODE, DATA, RDATA, RT_RCDATA, Resource, Section, build_pe

MB = 1024 * 1024
MAX_SIZE_MB = 50


def build_large_pe(size_mb: int, seed: int = 7) -> bytes:
    """A PE of about `size_mb` MB with realistic content mixed across sections and resources."""
    rng = random.Random(seed)
    total = size_mb * MB
    code_alphabet = bytes(range(0x40, 0x90)) + b"\x00\x48\x89\x8b\xe8\xff\xc3"  # medium entropy like x86 code
    code = bytes(rng.choice(code_alphabet) for _ in range(4096)) * (int(total * 0.40) // 4096)
    phrase = b"kernel32.dll\x00GetProcAddress\x00%s: error %d\x00"
    strings = (phrase * (int(total * 0.20) // len(phrase) + 1))[: int(total * 0.20)]
    inner = build_pe(machine="I386", imports={"kernel32.dll": ["ExitProcess"]}).data
    resources = [Resource(RT_RCDATA, 1, inner)]
    blob_size = int(total * 0.05)
    resources += [Resource(RT_RCDATA, 2 + i, rng.randbytes(blob_size)) for i in range(4)]
    return build_pe(
        sections=[Section(".text", code, CODE), Section(".rdata", strings, RDATA),
                  Section(".data", b"\x00" * int(total * 0.10), DATA)],
        imports={"KERNEL32.dll": ["CreateFileW", "ReadFile", "WriteFile", "CloseHandle", "GetProcAddress",
                                  "LoadLibraryW", "VirtualAlloc", "ExitProcess"],
                 "ADVAPI32.dll": ["RegOpenKeyExW", "RegQueryValueExW"], "WS2_32.dll": ["connect", "send", "recv"]},
        exports=[f"Export{i}" for i in range(50)],
        resources=resources,
        version_info={"CompanyName": "Example", "OriginalFilename": "big.exe"},
        rich=[(0x00930000 | 30729, 40)],
        overlay=rng.randbytes(int(total * 0.10)),
    ).data


def time_pe(data: bytes, repeat: int) -> float:
    analyzer = PeAnalyzer()
    target = payload(data, ArtifactType.PE, url="https://example.invalid/big.exe")
    runs = []
    for _ in range(repeat):
        ctx = ScanContext(ScanLimits(deadline_s=120.0))
        started = time.perf_counter()
        out = analyzer.analyze(target, ctx)
        runs.append(time.perf_counter() - started)
        assert out.facts is not None and out.facts.pe is not None and not out.errors, out.errors
    return statistics.median(runs)


def time_embedded(pe_mb: int, repeat: int) -> tuple[float, int]:
    carried = build_large_pe(pe_mb)
    text = f"$b = [Convert]::FromBase64String('{base64.b64encode(carried).decode()}')\n[Reflection.Assembly]::Load($b)\n"
    target = script(text)
    analyzer = EmbeddedExecutableAnalyzer()
    runs = []
    for _ in range(repeat):
        ctx = ScanContext(ScanLimits(deadline_s=120.0))
        started = time.perf_counter()
        out = analyzer.analyze(target, ctx)
        runs.append(time.perf_counter() - started)
        assert len(out.children) == 1 and out.children[0].data == carried
    return statistics.median(runs), len(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 5, 20, 50], help="image sizes in MB (max 50)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (median reported, max 10)")
    args = parser.parse_args()
    sizes = [s for s in args.sizes if 0 < s <= MAX_SIZE_MB][:4]
    repeat = max(1, min(args.repeat, 10))

    print(f"PE analysis (PeAnalyzer, default limits), median of {repeat} runs")
    print(f"{'size':>8} {'seconds':>9} {'ms per MB':>10} {'MB/s':>8}")
    for size in sizes:
        data = build_large_pe(size)
        seconds = time_pe(data, repeat)
        megabytes = len(data) / MB
        print(f"{megabytes:7.1f}M {seconds:9.3f} {seconds * 1000 / megabytes:10.1f} {megabytes / seconds:8.1f}")
    seconds, chars = time_embedded(5, repeat)
    print(f"embedded search: script of {chars / MB:.1f}M chars carrying a 5 MB PE as base64: {seconds:.3f} s")


if __name__ == "__main__":
    main()
