"""Sigma detections compiled into predicate trees over events (field name -> value).

pySigma parses a rule and resolves its condition (`1 of sel*`, `all of them`, modifiers such as
`contains|all`, `windash`, `base64offset`) into a tree of AND / OR / NOT nodes over
field = value items. This module turns that tree into plain, picklable predicates, evaluated
case-insensitively as Sigma specifies (regular expressions are case-sensitive unless flagged).

A field the event source cannot know is treated as absent: a value test on it is false and a
`null` test true. The tree is simplified with those constants at compile time, so a rule that
could only match through unknown fields simplifies to `False` and is skipped, by name.
"""

from __future__ import annotations

import ipaddress
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
    value: bool


Predicate = Union[FieldMatch, FieldAbsent, AllOf, AnyOf, Not, Constant]
TRUE = Constant(True)
FALSE = Constant(False)


def evaluate(predicate: Predicate, event: Event, regex_timeout: float) -> bool:
    """Whether the event satisfies the predicate (two-valued: an absent field is just absent)."""
    if isinstance(predicate, FieldMatch):
        values = event.values() if predicate.field is None else _present(event.get(predicate.field))
        test = predicate.test
        if isinstance(test, RegexTest):
            return any(test.matches(v, regex_timeout) for v in values)
        return any(test.matches(v) for v in values)
    if isinstance(predicate, AllOf):
        return all(evaluate(item, event, regex_timeout) for item in predicate.items)
    if isinstance(predicate, AnyOf):
        return any(evaluate(item, event, regex_timeout) for item in predicate.items)
    if isinstance(predicate, Not):
        return not evaluate(predicate.item, event, regex_timeout)
    if isinstance(predicate, FieldAbsent):
        return not event.get(predicate.field)
    return predicate.value


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
            return TRUE if isinstance(tree.value, SigmaNull) else FALSE
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


def _all_of(items: tuple[Predicate, ...]) -> Predicate:
    if FALSE in items:
        return FALSE
    kept = tuple(i for i in items if i != TRUE)
    return kept[0] if len(kept) == 1 else (AllOf(kept) if kept else TRUE)


def _any_of(items: tuple[Predicate, ...]) -> Predicate:
    if TRUE in items:
        return TRUE
    kept = tuple(i for i in items if i != FALSE)
    return kept[0] if len(kept) == 1 else (AnyOf(kept) if kept else FALSE)


def _not(item: Predicate) -> Predicate:
    if isinstance(item, Constant):
        return Constant(not item.value)
    return Not(item)


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
            lits = required_literals(item)
            if lits is None:
                return None
            union |= lits
        return frozenset(union)
    return None


__all__ = ["Event", "Predicate", "UnsupportedDetection", "compile_condition", "evaluate", "required_literals",
           "string_test"]
