"""Sigma rule folders compiled once into one matcher, versioned by the bytes of their files.

Each rule is parsed by pySigma and compiled into a predicate (`conditions.py`) for the event
kind its logsource describes. Rules for sources this engine cannot observe are skipped with a
reason; files pySigma cannot parse are errors, named and left out while the others load.

Evaluating 1,700 rules one by one per event would dominate the scan, so every rule carries the
literals of which at least one must occur in a matching event; one Aho-Corasick automaton per
event kind finds the rules worth evaluating. Rules without such a literal run on every event.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import ahocorasick_rs
import regex
import yaml
from sigma.collection import SigmaCollection
from sigma.exceptions import SigmaError
from sigma.rule import SigmaRule

from inspector.model import DetectionSource
from inspector.sigma import cache
from inspector.sigma.cache import cache_key
from inspector.sigma.conditions import (
    TRUE, Event, Predicate, UnsupportedDetection, any_of, can_be_true, compile_condition, evaluate, required_literals,
)
from inspector.stage import Heuristic

RULE_SUFFIXES = (".yml", ".yaml")

# Score per Sigma level, by what the rule reads. Sigma rules are written for endpoint telemetry,
# where a match is a process that ran; in a payload it is text that could run. A process-creation
# rule reads one command the extractor found, with the fields it could not know left unknown
# (`conditions.py`): a high rule there is half of the suspicious band (300) and needs one more
# piece of evidence, a critical one reaches it alone. A script-block rule reads a whole
# PowerShell layer, strings, comments and test data included, a far larger haystack than the
# blocks PowerShell logs: its levels count one step less. Medium and below never add score; they
# are shown, attributed, as context. Measured on the development corpus (docs/detection.md):
# scoring process-creation `high` at 300 flags 1.4% of benign batch files, medium at 50 adds
# benign PowerShell test suites; see docs/signatures.md.
LEVEL_SCORES = {"informational": 0, "low": 0, "medium": 0, "high": 150, "critical": 300}
SCRIPT_BLOCK_LEVEL_SCORES = {"informational": 0, "low": 0, "medium": 0, "high": 10, "critical": 150}
# Threat-hunting rules find things worth a look, not evidence: they never score above `low`.
HUNTING_SCORE_CAP = LEVEL_SCORES["low"]
_HUNTING_TAG = "detection.threat-hunting"
_ATTACK_TECHNIQUE = regex.compile(r"^t\d{4}(?:\.\d{3})?$")


class EventKind(StrEnum):
    """What an event describes, and so which rules apply and which fields it can carry."""

    WINDOWS_PROCESS = "windows/process_creation"
    LINUX_PROCESS = "linux/process_creation"
    POWERSHELL_SCRIPT = "windows/ps_script"


KNOWN_FIELDS: dict[EventKind, frozenset[str]] = {
    # ParentImage is the shell a command runs in (`events.py`); what started that shell (an
    # extension handler, a Run Command agent) and its command line stay unknown.
    EventKind.WINDOWS_PROCESS: frozenset({"image", "commandline", "originalfilename", "parentimage"}),
    EventKind.LINUX_PROCESS: frozenset({"image", "commandline", "parentimage"}),
    EventKind.POWERSHELL_SCRIPT: frozenset({"scriptblocktext"}),
}

# Logsources we know of but cannot observe in a payload, and why (shown by `inspector rules check`).
_UNOBSERVABLE = {
    ("windows", "ps_module"): "PowerShell module logging (Payload, ContextInfo) is not reconstructed from a script",
    ("windows", "ps_classic_start"): "classic PowerShell start events are not reconstructed from a script",
    ("windows", "ps_classic_provider_start"): "classic PowerShell provider events are not reconstructed",
    ("windows", "ps_classic_script"): "classic PowerShell script events are not reconstructed",
    ("macos", "process_creation"): "no Azure VM extension runs on macOS",
}


@dataclass(frozen=True)
class SigmaProblem:
    """A rule file or rule left out: `error` when it does not parse, otherwise skipped by design."""

    path: str
    rule: str | None
    reason: str
    error: bool = False

    def __str__(self) -> str:
        where = f"{self.path} ({self.rule})" if self.rule else self.path
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class CompiledSigmaRule:
    id: str
    title: str
    description: str
    level: str
    author: str
    references: tuple[str, ...]
    attack: tuple[str, ...]
    hunting: bool
    kind: EventKind
    predicate: Predicate
    literals: frozenset[str] | None

    @property
    def detection_id(self) -> str:
        return f"sigma.{self.id}"

    @property
    def score(self) -> int:
        scores = SCRIPT_BLOCK_LEVEL_SCORES if self.kind is EventKind.POWERSHELL_SCRIPT else LEVEL_SCORES
        score = scores.get(self.level, scores["medium"])
        return min(score, HUNTING_SCORE_CAP) if self.hunting else score

    def attribution(self) -> str:
        """What the Detection Rule License asks findings to show: the rule, its author, a reference."""
        parts = [f"Sigma rule {self.id} \"{self.title}\" (level {self.level}) by {self.author or 'unknown author'}"]
        if self.references:
            parts.append(f"reference: {self.references[0]}")
        return "; ".join(parts)

    def detection(self) -> Heuristic:
        description = f"{self.description.strip()} ({self.attribution()})" if self.description else self.attribution()
        return Heuristic(id=self.detection_id, title=self.title, description=description, score=self.score,
                         attack=self.attack, source=DetectionSource.SIGMA)


@dataclass
class SigmaRules:
    """The compiled Sigma rules of some folders; picklable (worker processes get it whole)."""

    rules: tuple[CompiledSigmaRule, ...] = ()
    version: str = ""
    files: tuple[str, ...] = ()
    problems: tuple[SigmaProblem, ...] = ()
    _indexes: dict[EventKind, _KindIndex] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._indexes = _build_indexes(self.rules)

    def __getstate__(self) -> dict[str, Any]:
        # The automata are native objects that do not pickle; they are rebuilt from the rules.
        return {"rules": self.rules, "version": self.version, "files": self.files, "problems": self.problems}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.__post_init__()

    @property
    def errors(self) -> tuple[SigmaProblem, ...]:
        return tuple(p for p in self.problems if p.error)

    @property
    def skipped(self) -> tuple[SigmaProblem, ...]:
        return tuple(p for p in self.problems if not p.error)

    def unfiltered_count(self) -> int:
        """Rules without a usable literal: evaluated on every event of their kind."""
        return sum(1 for rule in self.rules if rule.literals is None)

    def detections(self) -> tuple[Heuristic, ...]:
        entries: dict[str, Heuristic] = {}
        for rule in self.rules:
            entries.setdefault(rule.detection_id, rule.detection())
        return tuple(entries.values())

    def candidates(self, kind: EventKind, event: Event) -> list[CompiledSigmaRule]:
        """The rules of `kind` whose literals occur in the event (plus those without literals)."""
        index = self._indexes.get(kind)
        return index.candidates(event) if index is not None else []

    def match(self, kind: EventKind, event: Event, regex_timeout: float = 1.0) -> list[CompiledSigmaRule]:
        """The rules the event matches, in rule order."""
        return [rule for rule in self.candidates(kind, event) if evaluate(rule.predicate, event, regex_timeout) is True]


class _KindIndex:
    """One automaton over the literals of every rule of an event kind."""

    def __init__(self, rules: Sequence[CompiledSigmaRule]) -> None:
        self.rules = list(rules)
        self.always = [i for i, rule in enumerate(self.rules) if rule.literals is None]
        by_literal: dict[str, list[int]] = {}
        for i, rule in enumerate(self.rules):
            for literal in rule.literals or ():
                by_literal.setdefault(literal, []).append(i)
        self.literals = list(by_literal)
        self.owners = [by_literal[literal] for literal in self.literals]
        self.automaton = ahocorasick_rs.AhoCorasick(self.literals) if self.literals else None

    def candidates(self, event: Event) -> list[CompiledSigmaRule]:
        chosen = set(self.always)
        if self.automaton is not None:
            haystack = "\0".join(event.values()).lower()
            for literal_index, _, _ in self.automaton.find_matches_as_indexes(haystack, overlapping=True):
                chosen.update(self.owners[literal_index])
        return [self.rules[i] for i in sorted(chosen)]


def _build_indexes(rules: Iterable[CompiledSigmaRule]) -> dict[EventKind, _KindIndex]:
    by_kind: dict[EventKind, list[CompiledSigmaRule]] = {}
    for rule in rules:
        by_kind.setdefault(rule.kind, []).append(rule)
    return {kind: _KindIndex(members) for kind, members in by_kind.items()}


def sigma_files(directories: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for directory in directories:
        if directory.is_file() and directory.suffix in RULE_SUFFIXES:
            files.append(directory)
        elif directory.is_dir():
            files.extend(sorted(p for p in directory.rglob("*") if p.suffix in RULE_SUFFIXES and p.is_file()))
    return files


def compile_sigma(directories: Iterable[Path], cache_dir: Path | None = None) -> SigmaRules:
    """Parse and compile every Sigma rule under `directories`; problems are named, never fatal.
    With `cache_dir`, a matcher compiled earlier from the same files by the same engine is
    reused (`cache.py`)."""
    files = sigma_files(directories)
    digest = hashlib.sha256()
    contents: list[tuple[Path, bytes | None]] = []
    problems: list[SigmaProblem] = []
    for path in files:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            problems.append(SigmaProblem(str(path), None, f"cannot read: {exc}", error=True))
            contents.append((path, None))
            continue
        digest.update(path.name.encode() + b"\0" + raw + b"\0")
        contents.append((path, raw))
    version = digest.hexdigest()[:16] if files else ""
    key = cache_key(f"{digest.hexdigest()}:{'|'.join(map(str, files))}") if cache_dir is not None and files else None
    if key is not None and not problems:
        cached = cache.load(cache_dir, key)  # type: ignore[arg-type]
        if cached is not None and cached.version == version:
            return cached
    compiled: list[CompiledSigmaRule] = []
    seen_ids: set[str] = set()
    for path, raw in contents:
        if raw is None:
            continue
        for outcome in _compile_file(path, raw):
            if isinstance(outcome, SigmaProblem):
                problems.append(outcome)
            elif outcome.id in seen_ids:
                problems.append(SigmaProblem(str(path), outcome.title, f"duplicate rule id {outcome.id}"))
            else:
                seen_ids.add(outcome.id)
                compiled.append(outcome)
    rules = SigmaRules(rules=tuple(compiled), version=version, files=tuple(str(f) for f in files),
                       problems=tuple(problems))
    if key is not None and not any(p.reason.startswith("cannot read") for p in problems):
        cache.store(cache_dir, key, rules)  # type: ignore[arg-type]
    return rules


def _compile_file(path: Path, raw: bytes) -> list[CompiledSigmaRule | SigmaProblem]:
    try:
        collection = SigmaCollection.from_yaml(raw.decode("utf-8"), collect_errors=True)
    except (SigmaError, UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
        return [SigmaProblem(str(path), None, f"does not parse: {_first_line(exc)}", error=True)]
    outcomes: list[CompiledSigmaRule | SigmaProblem] = []
    for item in collection.rules:
        if not isinstance(item, SigmaRule):
            outcomes.append(SigmaProblem(str(path), getattr(item, "title", None),
                                         f"{type(item).__name__} rules are not evaluated"))
            continue
        outcomes.append(_compile_rule(path, item))
    for error in collection.errors:
        outcomes.append(SigmaProblem(str(path), None, f"does not parse: {_first_line(error)}", error=True))
    return outcomes


def _compile_rule(path: Path, rule: SigmaRule) -> CompiledSigmaRule | SigmaProblem:
    title = rule.title or path.stem
    if rule.errors:
        return SigmaProblem(str(path), title, f"does not parse: {_first_line(rule.errors[0])}", error=True)
    if rule.id is None:
        return SigmaProblem(str(path), title, "has no id", error=True)
    kind_or_reason = _event_kind(rule)
    if not isinstance(kind_or_reason, EventKind):
        return SigmaProblem(str(path), title, kind_or_reason)
    kind = kind_or_reason
    unknown: set[str] = set()
    try:
        branches = [compile_condition(c.parsed, KNOWN_FIELDS[kind], unknown) for c in rule.detection.parsed_condition]
    except UnsupportedDetection as exc:
        return SigmaProblem(str(path), title, f"cannot be evaluated: {_first_line(exc)}")
    except SigmaError as exc:  # pySigma resolves the condition lazily: a bad one shows here
        return SigmaProblem(str(path), title, f"does not parse: {_first_line(exc)}", error=True)
    predicate: Predicate = any_of(tuple(branches))
    fields = ", ".join(sorted(unknown)) or "none"
    if predicate == TRUE:
        return SigmaProblem(str(path), title, f"would match every event without: {fields}")
    if not can_be_true(predicate):
        return SigmaProblem(str(path), title, f"needs fields a payload cannot show: {fields}")
    tags = [f"{t.namespace}.{t.name}".lower() for t in rule.tags]
    attack = tuple(t.split(".", 1)[1].upper() for t in tags
                   if t.startswith("attack.") and _ATTACK_TECHNIQUE.match(t.split(".", 1)[1]))
    level = rule.level.name.lower() if rule.level is not None else "medium"
    hunting = _HUNTING_TAG in tags or "rules-threat-hunting" in path.parts
    return CompiledSigmaRule(
        id=str(rule.id), title=title, description=(rule.description or "").strip(), level=level,
        author=rule.author or "", references=tuple(rule.references or ()), attack=attack, hunting=hunting,
        kind=kind, predicate=predicate, literals=required_literals(predicate),
    )


def _event_kind(rule: SigmaRule) -> EventKind | str:
    source = rule.logsource
    product, category, service = source.product, source.category, source.service
    if service is not None:
        return f"logsource service {service!r} is not observed in payloads"
    if category == "process_creation" and product == "windows":
        return EventKind.WINDOWS_PROCESS
    if category == "process_creation" and product == "linux":
        return EventKind.LINUX_PROCESS
    if category == "ps_script" and product == "windows":
        return EventKind.POWERSHELL_SCRIPT
    reason = _UNOBSERVABLE.get((product or "", category or ""))
    return reason or f"logsource {product or '-'}/{category or '-'} is not observed in payloads"


def _first_line(exc: object) -> str:
    return str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
