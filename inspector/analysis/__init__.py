"""The analysis of payload trees, the CPU-bound part of an inspection.

`engine.py` walks the trees through the stages (`analyze_payloads`, `AnalysisEngine`);
`pools.py` runs it in worker processes; `tree_cache.py` reuses analysed trees; `version.py`
says when a stored analysis still holds. The order of the stages around it (fetching,
scoring) is `inspector.pipeline`'s.
"""
