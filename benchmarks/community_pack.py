"""Scan speed with a community-sized YARA pack (several thousand rules) next to the built-in pack.

    .venv/bin/python benchmarks/community_pack.py [--rules 5000] [--files 400]

A pack of `--rules` rules is generated at run time into a temporary folder, shaped like the
rules of signature-base: about 12 rules per file, text strings (`ascii wide nocase`,
`fullword`), hex strings with jumps and wildcards, a few regexes with a literal start, private
helper rules, `pe` module conditions, file-size and magic-header guards, and about one rule in
eight reading the external variables (`filename`, `filepath`, `extension`, `filetype`). Nothing
in the pack matches the scanned files, as for most rules of a real pack on most payloads.

Measured, each with the built-in pack alone and with the built-in pack plus the generated one:
- compiling the rule folders (`inspector rules check` does this), and the compiled size a
  worker process loads;
- raw yara-python over the generated scripts of benchmarks/scan_throughput.py, with each
  file's external variables passed as the analyzer passes them, and once without externals;
- `inspector scan --json` over the same folder (one process, start-up excluded).
"""

from __future__ import annotations

import argparse
import os
import random
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from scan_throughput import generate  # noqa: E402

from inspector.config import load_settings  # noqa: E402
from inspector.model import Artifact, ArtifactType  # noqa: E402
from inspector.rules import builtin_signature_dir, compile_ruleset  # noqa: E402
from inspector.rules.externals import artifact_externals  # noqa: E402

RULES_PER_FILE = 12
_TYPES = {".ps1": ArtifactType.POWERSHELL, ".sh": ArtifactType.SHELL, ".cmd": ArtifactType.CMD}


def _word(rng: random.Random, low: int = 8, high: int = 22) -> str:
    alphabet = string.ascii_letters + string.digits + "_.-"
    return rng.choice(string.ascii_letters) + "".join(rng.choice(alphabet) for _ in range(rng.randint(low, high)))


def _hex(rng: random.Random) -> str:
    parts = [f"{rng.randrange(256):02X}" for _ in range(rng.randint(4, 8))]
    parts.insert(rng.randint(1, len(parts) - 1), rng.choice(["??", "[2-4]", "?? ??", "(0A | 0D)"]))
    parts += [f"{rng.randrange(256):02X}" for _ in range(rng.randint(3, 6))]
    return "{ " + " ".join(parts) + " }"


def _condition(rng: random.Random, strings: list[str], private: str | None) -> str:
    guard = rng.choice(["uint16(0) == 0x5a4d and filesize < 2MB and ", "filesize < 500KB and ", "",
                        "uint32(0) == 0x464c457f and ", "pe.number_of_sections > 3 and filesize < 3MB and "])
    body = rng.choice([f"{rng.randint(1, max(1, len(strings) - 1))} of ($s*)", "all of them", "any of them",
                       "$s0 and 2 of them", "#s0 > 2 and 1 of them"])
    extra = ""
    roll = rng.random()
    if roll < 0.05:
        extra = f' and filename == "{_word(rng, 3, 8)}.exe"'
    elif roll < 0.08:
        extra = ' and not filepath contains "\\\\Windows\\\\System32\\\\"'
    elif roll < 0.11:
        extra = ' and extension == ".php"'
    elif roll < 0.13:
        extra = ' and filetype == "EXE"'
    if private is not None and rng.random() < 0.2:
        extra += f" and {private}"
    return guard + body + extra


def generate_pack(folder: Path, rule_count: int, seed: int = 23) -> int:
    """Write `rule_count` rules into files of RULES_PER_FILE; returns the number of files."""
    rng = random.Random(seed)
    files = 0
    written = 0
    while written < rule_count:
        lines = ['import "pe"', ""]
        private = None
        if rng.random() < 0.3:
            private = f"helper_{files}"
            lines += [f'private rule {private} {{ strings: $h = "{_word(rng)}" ascii condition: $h }}', ""]
            written += 1
        for index in range(min(RULES_PER_FILE, rule_count - written)):
            strings = []
            for number in range(rng.randint(2, 6)):
                kind = rng.random()
                if kind < 0.6:
                    modifiers = rng.choice(["ascii", "ascii wide", "ascii wide nocase", "fullword ascii", "wide"])
                    strings.append(f'$s{number} = "{_word(rng)}" {modifiers}')
                elif kind < 0.9:
                    strings.append(f"$s{number} = {_hex(rng)}")
                else:
                    strings.append(f"$s{number} = /{_word(rng, 6, 10)}[a-z0-9]{{2,8}}\\.(dll|exe)/ nocase")
            lines += [
                f"rule generated_{files}_{index} {{",
                "   meta:",
                f'      description = "generated rule {files}.{index}"',
                f"      score = {rng.choice([40, 60, 70, 75, 80, 90])}",
                "   strings:",
                *(f"      {s}" for s in strings),
                "   condition:",
                f"      {_condition(rng, strings, private)}",
                "}",
                "",
            ]
            written += 1
        (folder / f"generated_{files:04d}.yar").write_text("\n".join(lines))
        files += 1
    return files


def _externals(path: Path) -> dict[str, str]:
    artifact = Artifact(sha256="0" * 64, size=0, type=_TYPES.get(path.suffix, ArtifactType.TEXT), origin=path.name,
                        role="submitted")
    return artifact_externals(artifact)


def raw_yara(rules: object, blobs: list[tuple[bytes, dict[str, str]]], with_externals: bool) -> float:
    started = time.perf_counter()
    for data, externals in blobs:
        if with_externals:
            rules.match(data=data, externals=externals)  # type: ignore[attr-defined]
        else:
            rules.match(data=data)  # type: ignore[attr-defined]
    return time.perf_counter() - started


def full_scan(folder: Path, signature_dir: Path | None) -> float:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
    env["INSPECTOR_FETCH"] = "false"
    if signature_dir is not None:
        env["INSPECTOR_SIGNATURE_DIRS"] = str(signature_dir)
    binary = Path(sys.executable).parent / "inspector"
    started = time.perf_counter()
    subprocess.run([str(binary), "scan", "--json", str(folder)], stdout=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rules", type=int, default=5000)
    parser.add_argument("--files", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=3, help="raw YARA passes; the best is shown")
    args = parser.parse_args()
    load_settings()  # the same settings validation the CLI does
    with tempfile.TemporaryDirectory() as scratch:
        pack, samples, empty = Path(scratch) / "pack", Path(scratch) / "samples", Path(scratch) / "empty"
        for folder in (pack, samples, empty):
            folder.mkdir()
        pack_files = generate_pack(pack, args.rules)
        generate(samples, args.files)
        (empty / "one.ps1").write_text("Get-Date\n")
        files = sorted(p for p in samples.iterdir() if p.is_file())
        blobs = [(p.read_bytes(), _externals(p)) for p in files]
        total_mb = sum(len(data) for data, _ in blobs) / 1e6
        print(f"samples: {len(files)} files, {total_mb:.2f} MB; generated pack: {args.rules} rules in {pack_files} files")

        for label, dirs, signature_dir in (("built-in", [builtin_signature_dir()], None),
                                           ("built-in + pack", [builtin_signature_dir(), pack], pack)):
            started = time.perf_counter()
            ruleset = compile_ruleset(dirs)
            compile_s = time.perf_counter() - started
            assert not ruleset.errors, ruleset.errors
            size_mb = len(ruleset.to_bytes()) / 1e6
            named = min(raw_yara(ruleset.rules, blobs, True) for _ in range(args.repeat))
            bare = min(raw_yara(ruleset.rules, blobs, False) for _ in range(args.repeat))
            startup = full_scan(empty, signature_dir)
            scan_s = full_scan(samples, signature_dir)
            steady = max(scan_s - startup, 1e-9)
            print(f"\n[{label}] {ruleset.rule_count} rules, compile {compile_s:.2f}s, compiled {size_mb:.1f} MB")
            print(f"  raw YARA with externals: {named:.3f}s  {len(files) / named:.0f} files/s  "
                  f"{total_mb / named:.1f} MB/s  ({named / len(files) * 1000:.2f} ms/file)")
            print(f"  raw YARA without externals: {bare:.3f}s  {len(files) / bare:.0f} files/s")
            print(f"  inspector scan --json: {scan_s:.2f}s incl. {startup:.2f}s start-up; "
                  f"start-up excluded {len(files) / steady:.1f} files/s  {total_mb / steady:.2f} MB/s")


if __name__ == "__main__":
    main()
