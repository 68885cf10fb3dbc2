"""Rescans: re-judge stored payloads with the active ruleset and record every verdict change.

This package judges: `scanner` analyses one stored artifact, `rescore` turns new
per-artifact findings into a new verdict, `refetch` fetches an inspection's URLs again.
The rescan service (inspector/service/rescan_service.py) coordinates (plan, dispatch
batches, re-score, finish); batches run in the local process pool or on Celery workers
through the same `inspector.tasks.worker.run_rescan_batch`.
"""
