"""Rescans: re-judge stored payloads with the active ruleset and record every verdict change.

`runner.run_rescan` coordinates (plan, dispatch batches, re-score, finish); batches run in
the local process pool or on Celery workers through the same
`inspector.tasks.worker.run_rescan_batch`. `scanner` analyses one stored artifact,
`rescore` turns new per-artifact findings into a new verdict.
"""
