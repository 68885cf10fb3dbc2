"""Scoring: findings -> score -> verdict band -> alert types (see decide.py)."""

from inspector.scoring.catalog import ALERT_TYPES, AlertType
from inspector.scoring.decide import Bands, Decision, decide, total_score

__all__ = ["ALERT_TYPES", "AlertType", "Bands", "Decision", "decide", "total_score"]
