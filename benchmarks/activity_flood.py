"""A flood through `POST /v1/activity`: one subscription sends many records, all inside one
reorder window, in streaming batches, to a real service on loopback (SQLite store, payload
pipeline off). Shows that the reorder buffer stays bounded by INSPECTOR_ACTIVITY_MAX_HELD_RECORDS
and that a batch costs the same at the end of the flood as at its start.

    .venv/bin/python benchmarks/activity_flood.py [--records 40000] [--batch 1000] [--cap 10000]

Prints the most records held between batches, the records judged early (`released_early`), and
the median time of a batch among the first five once the cap is reached (or the first five when
it is never reached) and the last five, with their
ratio (about 1 when the cost does not grow with what came before). `--cap 10000000` (the largest allowed) shows the
unbounded buffer for comparison.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.activity.builders import T0, run_command, vm  # noqa: E402
from tests.api.server import start_service  # noqa: E402


async def measure(count: int, batch: int, cap: int) -> dict[str, float]:
    spacing = timedelta(hours=1) * 0.9 / count  # the whole flood inside one reorder window
    lines = [json.dumps(run_command(vm(f"vm-{i % 500:03d}"), T0 + spacing * i)).encode() for i in range(count)]
    with tempfile.TemporaryDirectory() as folder:
        async with start_service(Path(folder), activity_inspect_bodies=False, activity_max_held_records=cap,
                                 api_max_activity_records=batch) as svc:
            seconds: list[float] = []
            most_held = released_early = judged = 0
            for start in range(0, count, batch):
                started = time.perf_counter()
                status, _, answer = await svc.call("POST", "/v1/activity", key="detector",
                                                   data=b"\n".join(lines[start:start + batch]),
                                                   headers={"Content-Type": "application/x-ndjson"})
                seconds.append(time.perf_counter() - started)
                assert status == 200, answer
                most_held = max(most_held, answer["held"])
                released_early += answer["released_early"]
                judged += answer["judged"]
    # The first batch with a full buffer; with a cap the flood never reaches, the first batch.
    full = cap // batch + 1 if cap // batch + 1 <= len(seconds) - 10 else 0
    first, last = statistics.median(seconds[full:full + 5]), statistics.median(seconds[-5:])
    return {"records": count, "batches": len(seconds), "cap": cap, "most_held_between_batches": most_held,
            "judged": judged, "released_early": released_early,
            "first_full_batches_ms": round(first * 1000, 1), "last_batches_ms": round(last * 1000, 1),
            "last_over_first": round(last / first, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=40_000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--cap", type=int, default=10_000)
    args = parser.parse_args()
    print(asyncio.run(measure(args.records, args.batch, args.cap)))


if __name__ == "__main__":
    main()
