"""Sigma detections compiled into predicate trees over events (field name -> value).

pySigma parses a rule and resolves its condition (`1 of sel*`, `all of them`, modifiers such as
`contains|all`, `windash`, `base64offset`) into a tree of AND / OR / NOT nodes over
field = value items. This module turns that tree into plain, picklable predicates, evaluated
case-insensitively as Sigma specifies (regular expressions are case-sensitive unless flagged).

Fields are three-valued. A field the event source can never know (User, Hashes, ParentCommandLine,
IntegrityLevel, CurrentDirectory, ...) is *unknown*, not absent: a test on it, value or `null`,
is unknown, and so is its negation; `and` / `or` / `not` follow Kleene's logic and a rule
matches only when its condition is true whatever the unknown fields hold. So `sel and not
filter_parent` never matches (the filter might have excluded the event) and `Field: null`
never holds by accident. The same goes, per event, for a field the source knows only
sometimes (OriginalFileName): missing from the event means unknown; an empty value means
absent. The tree is simplified with those constants at compile time, so a rule that could
only match through unknown fields is skipped, by name.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Union

import regex
from sigma.conditions import (
    ConditionAND, ConditionFieldEqualsValueExpression, ConditionItem, ConditionNOT, ConditionOR,
    ConditionValueExpression,
)
from sigma.types import (
    SigmaBool, SigmaCasedString, SigmaCIDRExpression, SigmaExists, SigmaExpansion, SigmaNull, SigmaNumber,
    SigmaRegularExpression, SigmaRegularExpressionFlag, SigmaString, SpecialChars,
)

Event = dict[str, str]  # lower-cased field name -> value
# A value starting with PARTIAL is known only from there on (an image whose folder is unknown:
# PARTIAL + "\\procdump.exe"): tests decided by the known end are answered, the others unknown.
PARTIAL = "\x00"


class UnsupportedDetection(ValueError):
    """A detection item this engine cannot evaluate faithfully (the rule is skipped, with this reason)."""


@dataclass(frozen=True, slots=True)
class StringTest:
    """Sigma string comparison: `kind` is equals / contains / startswith / endswith / glob."""

    kind: str
    text: str                 # lower-cased unless cased
    cased: bool = False
    pattern: str | None = None  # glob as a regex (inner wildcards)
    anchor: str = ""            # glob: its longest piece without wildcards, lower-cased

    def matches(self, value: str) -> bool:
        subject = value if self.cased else value.lower()
        if self.kind == "contains":
            return self.text in subject
        if self.kind == "startswith":
            return subject.startswith(self.text)
        if self.kind == "endswith":
            return subject.endswith(self.text)
        if self.kind == "equals":
            return subject == self.text
        return regex.fullmatch(self.pattern or "", subject, flags=regex.DOTALL) is not None

    def literal(self) -> str | None:
        """The longest piece every match must contain, lower-cased (for the prefilter)."""
        literal = self.anchor if self.kind == "glob" else self.text.lower()
        return literal or None


@dataclass(frozen=True, slots=True)
class RegexTest:
    pattern: str
    flags: int

    def matches(self, value: str, timeout: float) -> bool:
        return regex.search(self.pattern, value, flags=self.flags, timeout=timeout) is not None


@dataclass(frozen=True, slots=True)
class CidrTest:
    network: str

    def matches(self, value: str) -> bool:
        try:
            return ipaddress.ip_address(value.strip()) in ipaddress.ip_network(self.network, strict=False)
        except ValueError:
            return False


ValueTest = Union[StringTest, RegexTest, CidrTest]


@dataclass(frozen=True, slots=True)
class FieldMatch:
    field: str | None  # None: a keyword, matched against every value of the event
    test: ValueTest


@dataclass(frozen=True, slots=True)
class FieldAbsent:
    field: str


@dataclass(frozen=True, slots=True)
class AllOf:
    items: tuple[Predicate, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    items: tuple[Predicate, ...]


@dataclass(frozen=True, slots=True)
class Not:
    item: Predicate


@dataclass(frozen=True, slots=True)
class Constant:
    value: bool | None  # None: unknown


Predicate = Union[FieldMatch, FieldAbsent, AllOf, AnyOf, Not, Constant]
TRUE = Constant(True)
FALSE = Constant(False)
UNKNOWN = Constant(None)


def evaluate(predicate: Predicate, event: Event, regex_timeout: float) -> bool | None:
    """True, False, or None when the answer depends on fields the event does not carry.
    A rule matches an event only on True."""
    if isinstance(predicate, FieldMatch):
        if predicate.field is None:  # a keyword: searched in what the event knows
            return any(_test(predicate.test, v.removeprefix(PARTIAL), regex_timeout) for v in event.values())
        if predicate.field not in event:
            return None
        value = event[predicate.field]
        if not value:
            return False
        if value.startswith(PARTIAL):
            return _partial_test(predicate.test, value[len(PARTIAL):])
        return _test(predicate.test, value, regex_timeout)
    if isinstance(predicate, AllOf):
        answer: bool | None = True
        for item in predicate.items:
            value = evaluate(item, event, regex_timeout)
            if value is False:
                return False
            if value is None:
                answer = None
        return answer
    if isinstance(predicate, AnyOf):
        answer = False
        for item in predicate.items:
            value = evaluate(item, event, regex_timeout)
            if value is True:
                return True
            if value is None:
                answer = None
        return answer
    if isinstance(predicate, Not):
        value = evaluate(predicate.item, event, regex_timeout)
        return None if value is None else not value
    if isinstance(predicate, FieldAbsent):
        return None if predicate.field not in event else not event[predicate.field]
    return predicate.value


def _test(test: ValueTest, value: str, regex_timeout: float) -> bool:
    return test.matches(value, regex_timeout) if isinstance(test, RegexTest) else test.matches(value)


def _partial_test(test: ValueTest, known_end: str) -> bool | None:
    """A test on a value of which only the end is known: true or false where that end decides."""
    if not isinstance(test, StringTest):
        return None
    end = known_end if test.cased else known_end.lower()
    if test.kind == "contains":
        return True if test.text in end else None
    if test.kind == "endswith":
        if len(test.text) <= len(end):
            return end.endswith(test.text)
        return None if test.text.endswith(end) else False
    if test.kind == "equals":
        return None if test.text.endswith(end) else False
    return None


def can_be_true(predicate: Predicate) -> bool:
    """Whether some event could make the predicate true (False: it needs unknown fields)."""
    return _outcomes(predicate)[0]


def _outcomes(predicate: Predicate) -> tuple[bool, bool]:
    """(can be true, can be false) of a predicate, over every event."""
    if isinstance(predicate, Constant):
        return (predicate.value is True, predicate.value is False)
    if isinstance(predicate, AllOf):
        children = [_outcomes(i) for i in predicate.items]
        return (all(t for t, _ in children), any(f for _, f in children))
    if isinstance(predicate, AnyOf):
        children = [_outcomes(i) for i in predicate.items]
        return (any(t for t, _ in children), all(f for _, f in children))
    if isinstance(predicate, Not):
        true, false = _outcomes(predicate.item)
        return (false, true)
    return (True, True)


def _present(value: str | None) -> tuple[str, ...]:
    return (value,) if value else ()


def compile_condition(tree: ConditionItem, known_fields: frozenset[str],
                      unknown_seen: set[str]) -> Predicate:
    """pySigma's resolved condition tree as a simplified predicate; fields outside `known_fields`
    (lower-cased) are absent, and their names are added to `unknown_seen`."""
    if isinstance(tree, ConditionAND):
        return _all_of(tuple(compile_condition(a, known_fields, unknown_seen) for a in tree.args))
    if isinstance(tree, ConditionOR):
        return _any_of(tuple(compile_condition(a, known_fields, unknown_seen) for a in tree.args))
    if isinstance(tree, ConditionNOT):
        return _not(compile_condition(tree.args[0], known_fields, unknown_seen))
    if isinstance(tree, ConditionFieldEqualsValueExpression):
        field = tree.field.lower()
        if field not in known_fields:
            unknown_seen.add(tree.field)
            return UNKNOWN
        return _field_item(field, tree.value)
    if isinstance(tree, ConditionValueExpression):
        return _value_item(None, tree.value)
    raise UnsupportedDetection(f"condition element {type(tree).__name__}")


def _field_item(field: str, value: object) -> Predicate:
    if isinstance(value, SigmaNull):
        return FieldAbsent(field)
    if isinstance(value, SigmaExists):
        return Not(FieldAbsent(field)) if value.exists else FieldAbsent(field)
    return _value_item(field, value)


def _value_item(field: str | None, value: object) -> Predicate:
    if isinstance(value, SigmaExpansion):
        return _any_of(tuple(_value_item(field, v) for v in value.values))
    if isinstance(value, SigmaString):
        test = string_test(value)
        if field is None and test.kind == "equals":
            # A keyword is searched for in the whole event, as full-text search backends do.
            test = StringTest("contains", test.text, test.cased)
        return FieldMatch(field, test)
    if isinstance(value, SigmaRegularExpression):
        flags = 0
        for flag, re_flag in ((SigmaRegularExpressionFlag.IGNORECASE, regex.IGNORECASE),
                              (SigmaRegularExpressionFlag.MULTILINE, regex.MULTILINE),
                              (SigmaRegularExpressionFlag.DOTALL, regex.DOTALL)):
            if flag in value.flags:
                flags |= re_flag
        pattern = value.regexp.to_plain()
        try:
            regex.compile(pattern, flags)
        except regex.error as exc:
            raise UnsupportedDetection(f"regular expression {pattern!r}: {exc}") from exc
        return FieldMatch(field, RegexTest(pattern, flags))
    if isinstance(value, SigmaCIDRExpression):
        return FieldMatch(field, CidrTest(str(value.network)))
    if isinstance(value, (SigmaNumber, SigmaBool)):
        text = str(value.number if isinstance(value, SigmaNumber) else value.boolean).lower()
        return FieldMatch(field, StringTest("equals", text))
    raise UnsupportedDetection(f"value type {type(value).__name__}")


def string_test(value: SigmaString) -> StringTest:
    """A Sigma string (plain text and `*` / `?` wildcards) as the cheapest equivalent test."""
    cased = isinstance(value, SigmaCasedString)
    parts = list(value.s)
    if any(not isinstance(p, (str, SpecialChars)) for p in parts):
        raise UnsupportedDetection("placeholders are not expanded")
    lead = bool(parts) and parts[0] is SpecialChars.WILDCARD_MULTI
    trail = len(parts) > 1 and parts[-1] is SpecialChars.WILDCARD_MULTI
    inner = parts[int(lead): len(parts) - int(trail)]
    if all(isinstance(p, str) for p in inner):
        text = "".join(inner)  # type: ignore[arg-type]
        text = text if cased else text.lower()
        kind = {(True, True): "contains", (True, False): "endswith", (False, True): "startswith",
                (False, False): "equals"}[(lead, trail)]
        return StringTest(kind, text, cased)
    pattern = "".join(regex.escape(p if cased else p.lower()) if isinstance(p, str)
                      else (".*" if p is SpecialChars.WILDCARD_MULTI else ".") for p in parts)
    pieces = [p for p in parts if isinstance(p, str)]
    anchor = max(pieces, key=len, default="").lower()
    return StringTest("glob", pattern, cased, pattern, anchor)


def _dedupe(items: Iterable[Predicate]) -> tuple[Predicate, ...]:
    return tuple(dict.fromkeys(items))


def _all_of(items: tuple[Predicate, ...]) -> Predicate:
    if FALSE in items:
        return FALSE
    kept = _dedupe(i for i in items if i != TRUE)
    return kept[0] if len(kept) == 1 else (AllOf(kept) if kept else TRUE)


def _any_of(items: tuple[Predicate, ...]) -> Predicate:
    if TRUE in items:
        return TRUE
    kept = _dedupe(i for i in items if i != FALSE)
    return kept[0] if len(kept) == 1 else (AnyOf(kept) if kept else FALSE)


def _not(item: Predicate) -> Predicate:
    if isinstance(item, Constant):
        return item if item.value is None else Constant(not item.value)
    return Not(item)


any_of = _any_of


def required_literals(predicate: Predicate) -> frozenset[str] | None:
    """Lower-cased strings of which at least one occurs in every event the predicate matches,
    or None when no such set is known (the rule is then evaluated on every event)."""
    if isinstance(predicate, FieldMatch) and isinstance(predicate.test, StringTest):
        literal = predicate.test.literal()
        return frozenset({literal}) if literal else None
    if isinstance(predicate, AllOf):
        options = [lits for lits in map(required_literals, predicate.items) if lits is not None]
        # The most selective child: fewest alternatives, then the longest shortest literal.
        return min(options, key=lambda lits: (len(lits), -min(map(len, lits))), default=None)
    if isinstance(predicate, AnyOf):
        union: set[str] = set()
        for item in predicate.items:
            if isinstance(item, Constant):  # unknown (true is simplified away): never the reason of a match
                continue
            lits = required_literals(item)
            if lits is None:
                return None
            union |= lits
        return frozenset(union)
    return None


__all__ = ["PARTIAL", "UNKNOWN", "Event", "Predicate", "UnsupportedDetection", "any_of", "can_be_true", "compile_condition",
           "evaluate", "required_literals", "string_test"]
