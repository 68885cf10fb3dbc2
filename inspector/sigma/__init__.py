"""Sigma rules (SigmaHQ's format) evaluated against what payloads show.

    rules = compile_sigma([Path("sigma/rules")])        # once per ruleset load
    rules.match(EventKind.WINDOWS_PROCESS, {"image": ..., "commandline": ...})

`rules.py` parses and compiles folders into one prefiltered matcher, `conditions.py` holds the
predicates and their evaluation, `events.py` builds events from commands and PowerShell layers.
"""

from inspector.sigma.events import SigmaEvent, process_event, script_block_event
from inspector.sigma.rules import (
    LEVEL_SCORES, CompiledSigmaRule, EventKind, SigmaProblem, SigmaRules, compile_sigma, sigma_files,
)

__all__ = [
    "LEVEL_SCORES", "CompiledSigmaRule", "EventKind", "SigmaEvent", "SigmaProblem", "SigmaRules", "compile_sigma",
    "process_event", "script_block_event", "sigma_files",
]
