"""The small engine every heuristic family is written in: declared patterns over decoded text.

A family module declares `PatternRule`s (a `Heuristic` plus the regex that proves it) and,
where a regex is not enough, `check` functions. `FamilyAnalyzer` runs one family over one
text payload; `run_family` is shared with the combined analyzer in `__init__.py` so the
text is matched once per family, never twice.

Why keywords: most scripts contain none of a family's vocabulary, so a cheap
case-insensitive substring test on the lowered text skips the regex entirely. This keeps
the full heuristic set well inside the per-script latency budget.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

import ahocorasick_rs
import regex

from inspector.stage import AnalyzerOutput, Heuristic, Payload, ScanContext
from inspector.config import setting_default
from inspector.model import TEXT_TYPES, Artifact, ErrorKind, Finding

if TYPE_CHECKING:
    from inspector.commands.model import ExtractedCommand
    from inspector.config import Settings

# 2: the obfuscation-layers finding moved out of the per-artifact analysis (analysis/placement.py).
ANALYZER_VERSION = "2"

# Texts up to this size have every family keyword looked up in one Aho-Corasick pass; longer
# ones fall back to one substring search per keyword asked (the one-pass search lists every
# occurrence, which on a large hostile text of keyword repeats would be millions of objects).
KEYWORD_INDEX_MAX_CHARS = 256 * 1024


@dataclass(frozen=True)
class HeuristicLimits:
    """The heuristics' own bounds (Settings `heuristics_*`); time is bounded by ScanContext."""

    # At most this many occurrences are counted per rule: the count only feeds `score * count`
    # up to the cap, so counting further would cost time on hostile input and change nothing.
    max_matches_per_rule: int = setting_default("heuristics_max_matches_per_rule")
    # Statistics are computed over at most this many characters: enough to characterise a
    # script, bounded for the 5 MB single-line worst case.
    stats_sample_chars: int = setting_default("heuristics_stats_sample_chars")
    # Host-shaped tokens checked against the pool list per text.
    max_hosts: int = setting_default("heuristics_max_hosts")

    @classmethod
    def from_settings(cls, settings: Settings) -> HeuristicLimits:
        return cls(
            max_matches_per_rule=settings.heuristics_max_matches_per_rule,
            stats_sample_chars=settings.heuristics_stats_sample_chars,
            max_hosts=settings.heuristics_max_hosts,
        )

DEFAULT_FLAGS = regex.IGNORECASE | regex.MULTILINE | regex.VERSION0

# A path component under a hidden (dot) directory, except the dot directories every tool
# creates (virtualenvs, caches, config, SSH): those are where benign software lives.
WELL_KNOWN_DOT_DIRS = (
    r"(?:ssh|config|local|cache|kube|docker|npm|nvm|gnupg|aws|azure|well-known|git|venv"
    r"|cargo|rustup|pyenv|rbenv|dotnet|m2|gradle|vscode-server|terraform\.d)"
)
HIDDEN_DIR = r"/\.(?!" + WELL_KNOWN_DOT_DIRS + r"/)[A-Za-z0-9_.-]{1,40}/"
# The last component of a path that is a hidden directory other than the well-known ones
# (`mkdir /tmp/.x`, not `mkdir /root/.ssh`).
HIDDEN_DIR_NAME = r"/\.(?!" + WELL_KNOWN_DOT_DIRS + r"(?![A-Za-z0-9_.-]))[A-Za-z0-9_-]{1,40}"


_HORIZONTAL_SPACE = " \\t\\r\\f\\v"


def line_local(pattern: str) -> str:
    """Rewrite `\\s` so that it never matches a newline.

    Evidence is one command: a `\\s+` that ran over a line end would join the verb of one
    line to the path on the next (`curl ... | sh` then `cp x ~/.kube/config` is not a read of
    the kube config). Inside a class `\\s` becomes its horizontal members; inside a negated
    class it stays, since excluding the newline there already keeps the match on one line.
    """
    out: list[str] = []
    in_class = False
    negated = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            pair = pattern[i : i + 2]
            if pair == "\\s" and not (in_class and negated):
                out.append(_HORIZONTAL_SPACE if in_class else "[" + _HORIZONTAL_SPACE + "]")
            else:
                out.append(pair)
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
            negated = False
            out.append(ch)
            # a leading ] or ^] is literal inside a class
            if pattern[i + 1 : i + 2] == "^":
                negated = True
                out.append("^")
                i += 1
            if pattern[i + 1 : i + 2] == "]":
                out.append("]")
                i += 1
        elif ch == "]" and in_class:
            in_class = False
            out.append(ch)
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def compile_line_local(pattern: str, flags: int = DEFAULT_FLAGS) -> regex.Pattern[str]:
    return regex.compile(line_local(pattern), flags)


@dataclass(frozen=True)
class PatternRule:
    """One heuristic proved by one regex.

    keywords: lowercase literals; the regex runs only when at least one is in the text.
    also_keywords: lowercase literals of which one must be in the text as well, for a pattern
        that needs two literals (a file name *and* an append operator): only literals every match
        contains, so the check skips texts the pattern cannot match and never changes a result.
    requires: extra regexes that must each match somewhere in the same text (co-occurrence,
        e.g. a TCP client *and* a stream read), so the main pattern stays simple.
    unless: a regex that, when it matches the main match's text, discards that match
        (e.g. a vendor installer domain in a `curl | sh` line).
    """

    heuristic: Heuristic
    pattern: str
    keywords: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    unless: str | None = None
    flags: int = DEFAULT_FLAGS
    also_keywords: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "_compiled", compile_line_local(self.pattern, self.flags))
        object.__setattr__(self, "_requires", tuple(compile_line_local(r, self.flags) for r in self.requires))
        object.__setattr__(
            self, "_unless", regex.compile(self.unless, self.flags) if self.unless is not None else None
        )

    @property
    def compiled(self) -> regex.Pattern[str]:
        return self._compiled  # type: ignore[attr-defined,no-any-return]

    @property
    def compiled_requires(self) -> tuple[regex.Pattern[str], ...]:
        return self._requires  # type: ignore[attr-defined,no-any-return]

    @property
    def compiled_unless(self) -> regex.Pattern[str] | None:
        return self._unless  # type: ignore[attr-defined,no-any-return]


class KeywordIndex:
    """The keywords of a set of rules, all looked up in a lower-cased text in one pass.

    ~400 distinct keywords are asked ~600 times per text; one substring search each costs
    ~8 ms on a 40 KB script, one Aho-Corasick pass over the same text ~0.2 ms.
    """

    def __init__(self, keywords: Iterable[str]) -> None:
        self.keywords = tuple(sorted({k for k in keywords if k}))
        self._automaton = ahocorasick_rs.AhoCorasick(self.keywords) if self.keywords else None

    @classmethod
    def of_rules(cls, rules: Iterable[PatternRule]) -> KeywordIndex:
        return cls(k for rule in rules for k in (*rule.keywords, *rule.also_keywords))

    def presence(self, lowered: str) -> dict[str, bool]:
        """keyword -> whether it occurs in `lowered` ({} when the text is too long to index)."""
        if self._automaton is None or len(lowered) > KEYWORD_INDEX_MAX_CHARS:
            return {}
        try:
            found = set(self._automaton.find_matches_as_strings(lowered, overlapping=True))
        except (UnicodeError, ValueError):  # e.g. lone surrogates: the per-keyword search still works
            return {}
        return {keyword: keyword in found for keyword in self.keywords}


class _NamesPrograms(Protocol):
    @property
    def programs(self) -> frozenset[str] | None: ...


R = TypeVar("R", bound=_NamesPrograms)


class ProgramIndex(Generic[R]):
    """Command rules by the program they name: the rules that may match a program, in their
    declared order. A rule naming other programs never matches, so it is not asked; a rule
    with `programs` None takes any program. Built once from the declared rules, read only."""

    def __init__(self, rules: Sequence[R]) -> None:
        named = {name for rule in rules if rule.programs is not None for name in rule.programs}
        self.any_program = tuple(rule for rule in rules if rule.programs is None)
        self._by_name = {name: tuple(rule for rule in rules if rule.programs is None or name in rule.programs)
                         for name in named}

    def rules_for(self, name: str) -> tuple[R, ...]:
        return self._by_name.get(name, self.any_program)


@dataclass
class TextView:
    """The text of one payload with the lowered copy used for keyword prefilters."""

    payload: Payload
    text: str
    lowered: str
    ctx: ScanContext
    limits: HeuristicLimits = field(default_factory=HeuristicLimits)
    errors: list[tuple[str, str]] = field(default_factory=list)
    # keyword -> present in `lowered`: ~200 distinct keywords are asked ~600 times per text,
    # and each question is a scan of the whole text.
    keyword_hits: dict[str, bool] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, payload: Payload, ctx: ScanContext, limits: HeuristicLimits | None = None,
           keywords: KeywordIndex | None = None) -> TextView:
        """The view of a payload's text; with `keywords`, their presence is settled up front."""
        text = payload.text or ""
        limit = ctx.limits.max_text_chars
        if len(text) > limit:
            text = text[:limit]
        lowered = text.lower()
        hits = keywords.presence(lowered) if keywords is not None else {}
        return cls(payload=payload, text=text, lowered=lowered, ctx=ctx, limits=limits or HeuristicLimits(),
                   keyword_hits=hits)

    def has_any(self, keywords: Sequence[str]) -> bool:
        if not keywords:
            return True
        hits = self.keyword_hits
        for keyword in keywords:
            hit = hits.get(keyword)
            if hit is None:
                hit = hits[keyword] = keyword in self.lowered
            if hit:
                return True
        return False

    def finditer(
        self, pattern: regex.Pattern[str], rule_id: str, limit: int | None = None, text: str | None = None
    ) -> list[regex.Match[str]]:
        """Up to `limit` matches (default: the per-rule bound) in the text, or in `text`, a prefix
        of it; a timeout is recorded and what was found so far is returned."""
        limit = self.limits.max_matches_per_rule if limit is None else limit
        found: list[regex.Match[str]] = []
        try:
            for match in pattern.finditer(self.text if text is None else text, timeout=self.ctx.regex_timeout()):
                found.append(match)
                if len(found) >= limit:
                    break
        except TimeoutError:
            self.errors.append((ErrorKind.LIMIT_REGEX_TIMEOUT, f"{rule_id}: pattern timed out"))
        return found

    def search(self, pattern: regex.Pattern[str], rule_id: str) -> regex.Match[str] | None:
        try:
            return pattern.search(self.text, timeout=self.ctx.regex_timeout())
        except TimeoutError:
            self.errors.append((ErrorKind.LIMIT_REGEX_TIMEOUT, f"{rule_id}: pattern timed out"))
            return None

    def finding(self, heuristic: Heuristic, match: regex.Match[str] | None, count: int = 1) -> Finding:
        if match is None:
            return heuristic.finding(self.payload, count=count, snippet_chars=self.ctx.limits.snippet_chars)
        return heuristic.finding(
            self.payload,
            offset=match.start(),
            length=match.end() - match.start(),
            snippet=_snippet(match),
            count=count,
            snippet_chars=self.ctx.limits.snippet_chars,
        )


def _snippet(match: regex.Match[str]) -> str:
    # One line of evidence: the match itself, whitespace collapsed; redaction happens in
    # Heuristic.finding, bounding there too.
    return " ".join(match.group(0).split())


# A check is code for what a single regex cannot say (entropy, wallet validation, vendor
# allowlists). It appends findings for one text and returns them.
Check = Callable[[TextView], list[Finding]]


class CommandHits:
    """The heuristics a walk over one layer's commands proved: for each, the first command that
    proved it (where its finding points) and how many commands did."""

    def __init__(self) -> None:
        self._hits: dict[str, tuple[Heuristic, ExtractedCommand, int]] = {}

    def note(self, heuristic: Heuristic, command: ExtractedCommand) -> None:
        held = self._hits.get(heuristic.id)
        self._hits[heuristic.id] = (heuristic, command, 1) if held is None else (held[0], held[1], held[2] + 1)

    def __contains__(self, heuristic_id: object) -> bool:
        return heuristic_id in self._hits

    def __bool__(self) -> bool:
        return bool(self._hits)

    def first(self, heuristic_id: str) -> ExtractedCommand:
        return self._hits[heuristic_id][1]

    def findings(self, view: TextView, *, counted: bool = True) -> list[Finding]:
        """One finding per heuristic at its first command; `counted`: with how many commands proved it."""
        return [
            heuristic.finding(view.payload, offset=command.offset, length=command.length,
                              snippet=command.command_line, count=count if counted else 1,
                              snippet_chars=view.ctx.limits.snippet_chars)
            for heuristic, command, count in self._hits.values()
        ]


@dataclass(frozen=True)
class Family:
    """A named group of heuristics (download_execute, persistence, ...)."""

    name: str
    rules: tuple[PatternRule, ...] = ()
    checks: tuple[Check, ...] = ()

    @property
    def heuristics(self) -> tuple[Heuristic, ...]:
        return tuple(rule.heuristic for rule in self.rules)


def match_rule(view: TextView, rule: PatternRule) -> Finding | None:
    if not view.has_any(rule.keywords) or (rule.also_keywords and not view.has_any(rule.also_keywords)):
        return None
    rule_id = rule.heuristic.id
    matches = view.finditer(rule.compiled, rule_id)
    if rule.compiled_unless is not None:
        unless = rule.compiled_unless
        try:
            matches = [m for m in matches if unless.search(m.group(0), timeout=view.ctx.regex_timeout()) is None]
        except TimeoutError:
            view.errors.append((ErrorKind.LIMIT_REGEX_TIMEOUT, f"{rule_id}: exclusion pattern timed out"))
            matches = []
    if not matches:
        return None
    for required in rule.compiled_requires:
        if view.search(required, rule_id) is None:
            return None
    return view.finding(rule.heuristic, matches[0], count=len(matches))


def run_family(view: TextView, family: Family) -> list[Finding]:
    findings: list[Finding] = []
    for rule in family.rules:
        if view.ctx.expired():
            view.errors.append((ErrorKind.LIMIT_DEADLINE, f"heuristics stopped in {family.name}"))
            break
        found = match_rule(view, rule)
        if found is not None:
            findings.append(found)
    for check in family.checks:
        if view.ctx.expired():
            break
        findings.extend(check(view))
    return findings


def accepts_text(artifact: Artifact) -> bool:
    return artifact.type in TEXT_TYPES


class FamilyAnalyzer:
    """Runs one family's heuristics over one decoded text payload."""

    version = ANALYZER_VERSION

    def __init__(self, family: Family, limits: HeuristicLimits | None = None) -> None:
        self.family = family
        self.limits = limits or HeuristicLimits()
        self.name = f"heuristics.{family.name}"
        self.keywords = KeywordIndex.of_rules(family.rules)

    def accepts(self, artifact: Artifact) -> bool:
        return accepts_text(artifact)

    def analyze(self, payload: Payload, ctx: ScanContext) -> AnalyzerOutput:
        if not payload.text:
            return AnalyzerOutput()
        view = TextView.of(payload, ctx, self.limits, self.keywords)
        findings = run_family(view, self.family)
        return AnalyzerOutput(findings=findings, errors=view.errors)
