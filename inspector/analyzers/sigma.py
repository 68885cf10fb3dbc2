"""Sigma rules over scripts: each command as a process creation, each PowerShell layer as a
script block. One finding per rule and artifact, counting the events it matched; the finding
carries the rule's attribution (id, title, level, author, reference) as its licence asks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from inspector.commands import commands_of
from inspector.model import Artifact, ArtifactType, ErrorKind, Finding
from inspector.sigma import CompiledSigmaRule, SigmaEvent, SigmaRules, process_event, script_block_event
from inspector.sigma.conditions import evaluate
from inspector.sigma.events import CommandLike
from inspector.stage import AnalyzerOutput, Payload, ScanContext

# The commands a script payload runs; `inspector.commands.commands_of` computes them once per payload.
CommandSource = Callable[[Payload, ScanContext], Sequence[CommandLike]]

_SCRIPT_TYPES = frozenset({ArtifactType.POWERSHELL, ArtifactType.SHELL, ArtifactType.CMD})


def extracted_commands(payload: Payload, ctx: ScanContext) -> Sequence[CommandLike]:
    """The command extractor's commands for a script payload (shared with the other analyzers)."""
    return commands_of(payload, ctx)


class SigmaAnalyzer:
    name = "sigma"
    version = "1"

    def __init__(self, rules: SigmaRules, commands: CommandSource = extracted_commands) -> None:
        self._rules = rules
        self._commands = commands

    def accepts(self, artifact: Artifact) -> bool:
        return artifact.type in _SCRIPT_TYPES and bool(self._rules.rules)

    def analyze(self, payload: Payload, ctx: ScanContext) -> AnalyzerOutput:
        out = AnalyzerOutput()
        if payload.text is None:
            return out
        events: list[SigmaEvent] = []
        if payload.type is ArtifactType.POWERSHELL:
            events.append(script_block_event(payload.text))
        for command in self._commands(payload, ctx):
            event = process_event(command)
            if event is not None:
                events.append(event)
        hits: dict[str, tuple[CompiledSigmaRule, SigmaEvent, int]] = {}
        for event in events:
            if ctx.expired():
                out.errors.append((ErrorKind.LIMIT_DEADLINE, "Sigma evaluation stopped at the deadline"))
                break
            for rule in self._rules.candidates(event.kind, event.fields):
                try:
                    matched = evaluate(rule.predicate, event.fields, ctx.regex_timeout())
                except TimeoutError:
                    out.errors.append((ErrorKind.LIMIT_REGEX_TIMEOUT, f"Sigma rule {rule.id}: a pattern timed out"))
                    continue
                if matched:
                    first, first_event, count = hits.get(rule.id, (rule, event, 0))
                    hits[rule.id] = (first, first_event, count + 1)
        for rule, event, count in hits.values():
            out.findings.append(self._finding(payload, rule, event, count, ctx))
        return out

    @staticmethod
    def _finding(payload: Payload, rule: CompiledSigmaRule, event: SigmaEvent, count: int,
                 ctx: ScanContext) -> Finding:
        finding = rule.detection().finding(payload, offset=event.offset, length=event.length,
                                           snippet=event.excerpt, snippet_chars=ctx.limits.snippet_chars)
        # One rule is one piece of evidence however often it matched: the count is shown, not multiplied.
        return finding.model_copy(update={"count": count, "score": rule.score})
