"""Rescan determinism: inspect a corpus, run a full rescan with the same rules, count verdict changes.

    .venv/bin/python benchmarks/rescan_determinism.py                       # tests/corpus and ../shared/corpus-dev
    .venv/bin/python benchmarks/rescan_determinism.py --corpus tests/corpus --limit 200
    .venv/bin/python benchmarks/rescan_determinism.py --database-url postgresql+asyncpg://postgres@127.0.0.1:5432/test

Each file of a corpus (listed in its `manifest.jsonl`) is submitted as a file under its own
name, as an operator's detector would send it, through the embedded engine: the in-process
pipeline with the store's analysis cache, SQLite in a temporary folder (or a private schema of
--database-url). Then a full rescan (every analyzer, the path of `POST /v1/rescans {"full":
true}`) runs over everything with the local batch runner and re-scores every verdict. With the
rules unchanged, every verdict change it reports is a determinism bug; the script prints
`changes/inspections` per corpus and exits 1 when any corpus has a change. Verdicts whose
analysis stopped at its deadline are kept by the rescan and counted apart.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import sqlalchemy as sa

from inspector.config import Settings
from inspector.extensions.request import InputKind, InspectionInput
from inspector.pipeline import Inspector
from inspector.rescan.rescore import cut_by_the_clock
from inspector.rescan.scanner import ArtifactScanner
from inspector.service.rescan_service import run_rescan, start_rescan
from inspector.store import Store
from inspector.store.schema import verdict_changes
from inspector.store.testing import drop_schema
from inspector.tasks.batch_runner import LocalBatchRunner

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = [ROOT / "tests" / "corpus", ROOT.parent / "shared" / "corpus-dev"]


def corpus_files(folder: Path, limit: int | None) -> list[Path]:
    lines = (folder / "manifest.jsonl").read_text().splitlines()
    paths = [folder / json.loads(line)["path"] for line in lines if line.strip()]
    return paths[:limit] if limit else paths


async def measure(folder: Path, args: argparse.Namespace) -> tuple[int, int, int, Counter[str]]:
    """(verdict changes, inspections, clock-cut verdicts kept, findings that moved by id)."""
    with tempfile.TemporaryDirectory(prefix="determinism-") as tmp:
        overrides: dict[str, object] = {"data_dir": Path(tmp), "fetch": False, "rescan_processes": args.processes}
        if args.database_url:
            overrides.update(database_url=args.database_url, database_schema=f"det_{int(time.time() * 1000)}")
        settings = Settings(**overrides)  # type: ignore[arg-type]
        store = await Store.open(settings)
        try:
            inspector = await Inspector.start(settings, workers=0, fetching=False, cache=store.analysis_cache)
            files = corpus_files(folder, args.limit)
            clock_cut = 0
            before = {}
            for n, path in enumerate(files):
                inp = InspectionInput(kind=InputKind.FILE, content=path.read_bytes(), filename=path.name)
                result = await inspector.inspect(inp, inspection_id=f"i{n:06d}", fetch=False, input_name=path.name)
                clock_cut += cut_by_the_clock(result.verdict)
                before[result.verdict.id] = result.verdict
                await store.inspections.save_completed(result.verdict.id, "file", result.plan.redacted_request,
                                                       result.plan.context, None, path.name, result.verdict,
                                                       result.blobs)
            await inspector.close()
            scanner = ArtifactScanner.from_settings(settings, "full")
            info, _ = await start_rescan(store, ruleset_version=scanner.ruleset_version,
                                         rule_count=scanner.rule_count, analyzer_version=scanner.analyzer_version)
            runner = LocalBatchRunner(settings)
            try:
                final = await run_rescan(store, info.id, runner, settings=settings)
            finally:
                runner.close()
            moved: Counter[str] = Counter()
            async with store.database.read() as conn:
                changed = [r.inspection_id for r in await conn.execute(
                    sa.select(verdict_changes.c.inspection_id).where(verdict_changes.c.rescan_id == info.id))]
            for inspection_id in changed:
                stored = await store.inspections.get(inspection_id)
                old_ids = Counter(f.id for f in before[inspection_id].findings)
                new_ids = Counter(f.id for f in stored.verdict.findings) if stored and stored.verdict else Counter()
                moved.update((old_ids - new_ids) + (new_ids - old_ids))
            return final.changes_count, len(files), clock_cut, moved
        finally:
            await store.close()
            await drop_schema(settings)


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, action="append", help="a folder with manifest.jsonl (repeatable)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N files of each corpus")
    parser.add_argument("--processes", type=int, default=2, help="rescan batch processes")
    parser.add_argument("--database-url", default=None, help="PostgreSQL instead of SQLite (a private schema)")
    args = parser.parse_args()
    failed = False
    for folder in args.corpus or DEFAULT_CORPORA:
        started = time.monotonic()
        changes, total, clock_cut, moved = await measure(folder, args)
        failed = failed or changes > 0
        print(f"{folder}: {changes}/{total} verdicts changed by a full rescan with unchanged rules "
              f"({clock_cut} cut by the clock and kept; {time.monotonic() - started:.0f} s)")
        for finding_id, count in moved.most_common(5):
            print(f"    {finding_id}: {count}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
