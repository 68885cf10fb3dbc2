"""`POST /v1/activity` speed: the history of benchmarks/activity_ingest.py sent over loopback in
batches to a real service (SQLite store, payload pipeline off unless `--inspect`).

    .venv/bin/python benchmarks/activity_http.py [--days 7] [--vms 100] [--batch 5000] [--inspect]

Prints records/s end to end (client serialisation, HTTP, reading, ingest, one transaction per
batch) and the alerts raised. Batches stream, as a live feed does (each holds back its
subscription's last hour, stored, for the next); a last `?flush=true` call judges what is still
held, inside the measured time, so every record is judged.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.activity_ingest import generate  # noqa: E402
from tests.api.server import start_service  # noqa: E402


async def measure(days: int, vms: int, batch: int, inspect: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        records = generate(tmp / "history.jsonl", days, vms)
        lines = (tmp / "history.jsonl").read_bytes().splitlines()
        async with start_service(tmp, activity_inspect_bodies=inspect, api_max_activity_records=batch,
                                 api_max_activity_body_bytes=256 * 1024 * 1024) as svc:
            alerts = judged = most_held = 0
            started = time.perf_counter()
            for start in range(0, len(lines), batch):
                body = b"\n".join(lines[start:start + batch])
                status, _, answer = await svc.call("POST", "/v1/activity", key="detector", data=body,
                                                   headers={"Content-Type": "application/x-ndjson"})
                assert status == 200, answer
                alerts += len(answer["alerts"])
                judged += answer["judged"]
                most_held = max(most_held, answer["held"])
            status, _, answer = await svc.call("POST", "/v1/activity?flush=true", key="detector", data=b"",
                                               headers={"Content-Type": "application/x-ndjson"})
            assert status == 200, answer
            alerts += len(answer["alerts"])
            judged += answer["judged"]
            elapsed = time.perf_counter() - started
    assert judged == records, f"{judged} of {records} records judged"
    return {"records": records, "judged": judged, "most_held_between_batches": most_held,
            "seconds": round(elapsed, 2), "records_per_s": round(records / elapsed), "alerts": alerts}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument("--vms", type=int, default=100)
    parser.add_argument("--batch", type=int, default=5000)
    parser.add_argument("--inspect", action="store_true")
    args = parser.parse_args()
    print(asyncio.run(measure(args.days, args.vms, args.batch, args.inspect)))


if __name__ == "__main__":
    main()
