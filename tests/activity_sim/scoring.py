"""Score alert lines against the labels.

An alert line is a JSON object with at least `alert_type` (the catalog's name),
`subscription_id`, `resource_ids` (list), `start_time`, `end_time` (ISO 8601 UTC),
`correlation_ids` (list), `severity`, `evidence` and `inspection_id`.

An alert *matches* a case when it shares a correlation id with the case's records, or names one
of its VMs (any resource id under the VM counts as the VM) at a time that overlaps the case's
time span widened by `slack` on both sides. A scenario is *caught* when an alert of its type
matches it. An alert that matches no scenario is a *false alert*; one that matches only
scenarios of other types is counted apart (it fired on attack activity). Rates are per 1,000
distinct benign records."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.activity_sim.labels import ALERT_TYPES, Case, Labels, parse_time, vm_of

REQUIRED_FIELDS = ("alert_type", "subscription_id", "resource_ids", "start_time", "end_time", "correlation_ids",
                   "severity", "evidence", "inspection_id")
DEFAULT_SLACK = timedelta(hours=1)


@dataclass(frozen=True)
class Targets:
    caught_share: float = 0.90  # every alert type
    false_per_1000: float = 1.0  # over all types


@dataclass(frozen=True)
class AlertLine:
    index: int
    alert_type: str
    resource_ids: frozenset[str]
    correlation_ids: frozenset[str]
    start: datetime | None
    end: datetime | None
    missing: tuple[str, ...]  # required fields absent or unreadable

    @classmethod
    def read(cls, index: int, data: Mapping[str, Any]) -> AlertLine:
        missing = [name for name in REQUIRED_FIELDS if name not in data]
        start, end = _time(data.get("start_time")), _time(data.get("end_time"))
        for name, value in (("start_time", start), ("end_time", end)):
            if value is None and name not in missing:
                missing.append(name)
        return cls(index, str(data.get("alert_type") or ""),
                   frozenset(vm_of(r) for r in _strings(data.get("resource_ids"))),
                   frozenset(c.strip().casefold() for c in _strings(data.get("correlation_ids"))),
                   start, end or start, tuple(missing))

    def matches(self, case: Case, slack: timedelta) -> bool:
        if self.correlation_ids & {c.casefold() for c in case.correlation_ids}:
            return True
        if not self.resource_ids & set(case.resource_ids):
            return False
        if self.start is None or self.end is None:
            return True
        return self.start <= case.end_time + slack and self.end >= case.start_time - slack


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [v for v in value if isinstance(v, str)]
    return []


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = parse_time(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@dataclass
class TypeScore:
    alert_type: str
    scenarios: int = 0
    caught: int = 0
    missed: list[str] = field(default_factory=list)  # scenario ids
    alerts: int = 0
    false_alerts: int = 0
    on_other_scenarios: int = 0  # alerts of this type on another type's scenario

    def caught_share(self) -> float | None:
        return self.caught / self.scenarios if self.scenarios else None


@dataclass
class Scores:
    by_type: dict[str, TypeScore]
    benign_records: int
    alerts: int
    false_alerts: int
    false_on_benign_cases: dict[str, int]  # benign case id -> false alerts that matched it
    malformed: list[str]
    targets: Targets
    seen_as: dict[str, dict[str, int]] = field(default_factory=dict)  # scenario id -> alert types that matched it
    false_alert_indexes: list[int] = field(default_factory=list)  # positions in the alerts given

    def false_per_1000(self, alert_type: str | None = None) -> float:
        count = self.false_alerts if alert_type is None else self.by_type[alert_type].false_alerts
        return 1000.0 * count / self.benign_records if self.benign_records else 0.0

    def type_passes(self, alert_type: str) -> bool:
        share = self.by_type[alert_type].caught_share()
        return share is None or share >= self.targets.caught_share

    def passed(self) -> bool:
        return (all(self.type_passes(t) for t in self.by_type)
                and self.false_per_1000() <= self.targets.false_per_1000)

    def to_json(self) -> dict[str, Any]:
        return {
            "passed": self.passed(), "benign_records": self.benign_records, "alerts": self.alerts,
            "false_alerts": self.false_alerts, "false_per_1000": round(self.false_per_1000(), 3),
            "targets": {"caught_share": self.targets.caught_share, "false_per_1000": self.targets.false_per_1000},
            "types": {t: {"scenarios": s.scenarios, "caught": s.caught, "missed": s.missed, "alerts": s.alerts,
                          "false_alerts": s.false_alerts, "on_other_scenarios": s.on_other_scenarios,
                          "false_per_1000": round(self.false_per_1000(t), 3)} for t, s in self.by_type.items()},
            "false_on_benign_cases": self.false_on_benign_cases, "malformed": self.malformed,
            "missed_seen_as": {i: self.seen_as.get(i, {}) for row in self.by_type.values() for i in row.missed},
            "false_alert_indexes": self.false_alert_indexes,
        }


def score(alerts: Iterable[Mapping[str, Any]], labels: Labels, *, slack: timedelta = DEFAULT_SLACK,
          targets: Targets | None = None) -> Scores:
    lines = [AlertLine.read(i, a) for i, a in enumerate(alerts)]
    by_type = {t: TypeScore(t) for t in ALERT_TYPES}
    for case in labels.scenarios:
        assert case.alert_type is not None
        by_type.setdefault(case.alert_type, TypeScore(case.alert_type)).scenarios += 1
    caught: set[str] = set()
    false_alerts = 0
    on_benign: Counter[str] = Counter()
    seen_as: dict[str, Counter[str]] = defaultdict(Counter)
    false_indexes: list[int] = []
    malformed = [f"alert {line.index}: missing or unreadable {', '.join(line.missing)}"
                 for line in lines if line.missing]
    for line in lines:
        row = by_type.setdefault(line.alert_type, TypeScore(line.alert_type))
        row.alerts += 1
        matched = [case for case in labels.scenarios if line.matches(case, slack)]
        own = [case for case in matched if case.alert_type == line.alert_type]
        for case in matched:
            seen_as[case.id][line.alert_type] += 1
        caught.update(case.id for case in own)
        if own:
            continue
        if matched:
            row.on_other_scenarios += 1
            continue
        row.false_alerts += 1
        false_alerts += 1
        false_indexes.append(line.index)
        on_benign.update(case.id for case in labels.benign_cases if line.matches(case, slack))
    missed: dict[str, list[str]] = defaultdict(list)
    for case in labels.scenarios:
        assert case.alert_type is not None
        if case.id in caught:
            by_type[case.alert_type].caught += 1
        else:
            missed[case.alert_type].append(case.id)
    for alert_type, ids in missed.items():
        by_type[alert_type].missed = ids
    return Scores(by_type, labels.benign_records, len(lines), false_alerts, dict(on_benign), malformed,
                  targets or Targets(), {k: dict(v) for k, v in seen_as.items()}, false_indexes)


def render(scores: Scores, labels: Labels | None = None, alerts: Sequence[Mapping[str, Any]] | None = None,
           *, show_false: int = 10) -> str:
    """The per-type table, the totals against the targets, then what was missed (and which other
    alerts fired on it), and the first false alerts with their evidence."""
    width = max(len(t) for t in scores.by_type) + 2
    out = [f"{'alert type':<{width}}{'caught':>10}{'rate':>7}{'alerts':>8}{'false':>7}{'false/1k':>10}  target"]
    for alert_type, row in scores.by_type.items():
        share = row.caught_share()
        caught = f"{row.caught}/{row.scenarios}" if row.scenarios else "-"
        rate = f"{share:.0%}" if share is not None else "-"
        verdict = "ok" if scores.type_passes(alert_type) else "MISS"
        out.append(f"{alert_type:<{width}}{caught:>10}{rate:>7}{row.alerts:>8}{row.false_alerts:>7}"
                   f"{scores.false_per_1000(alert_type):>10.2f}  {verdict if row.scenarios else ''}")
    total = sum(r.scenarios for r in scores.by_type.values())
    total_caught = sum(r.caught for r in scores.by_type.values())
    out.append(f"{'all types':<{width}}{f'{total_caught}/{total}':>10}{(total_caught / total if total else 0):>7.0%}"
               f"{scores.alerts:>8}{scores.false_alerts:>7}{scores.false_per_1000():>10.2f}  "
               f"{'ok' if scores.false_per_1000() <= scores.targets.false_per_1000 else 'MISS'}")
    out.append("")
    out.append(f"benign records: {scores.benign_records} (distinct; duplicates not counted); alerts read: "
               f"{scores.alerts}; alerts on another type's scenario: "
               f"{sum(r.on_other_scenarios for r in scores.by_type.values())}; "
               f"malformed alerts: {len(scores.malformed)}")
    out.append(f"targets: every type >= {scores.targets.caught_share:.0%} of its scenarios caught; "
               f"<= {scores.targets.false_per_1000:g} false alert per 1,000 benign records -> "
               f"{'PASSED' if scores.passed() else 'NOT MET'}")
    cases = {c.id: c for c in (labels.scenarios + labels.benign_cases)} if labels else {}
    missed = [(t, i) for t, r in scores.by_type.items() for i in r.missed]
    if missed:
        out.append("missed scenarios:")
        for t, i in missed:
            about = f" ({cases[i].description}; {', '.join(cases[i].signals)})" if i in cases else ""
            other = ", ".join(f"{k} x{n}" for k, n in sorted(scores.seen_as.get(i, {}).items()))
            out.append(f"  {t}: {i}{about}; alerts on it: {other or 'none'}")
    if scores.false_on_benign_cases:
        out.append("false alerts on labelled benign cases:")
        out += [f"  {i}: {n}" + (f" ({cases[i].description})" if i in cases else "")
                for i, n in sorted(scores.false_on_benign_cases.items())]
    if alerts and scores.false_alert_indexes:
        out.append(f"false alerts (first {min(show_false, len(scores.false_alert_indexes))}):")
        for index in scores.false_alert_indexes[:show_false]:
            a = alerts[index]
            vms = ", ".join(str(r).rsplit("/", 1)[-1] for r in _strings(a.get("resource_ids")))
            evidence = a.get("evidence")
            text = "; ".join(map(str, evidence)) if isinstance(evidence, list) else str(evidence)
            out.append(f"  {a.get('alert_type')} {a.get('start_time')} [{vms}]: {text[:300]}")
    if scores.malformed:
        out.append("malformed alerts (first 5):")
        out += [f"  {m}" for m in scores.malformed[:5]]
    return "\n".join(out)


def read_alert_lines(text: str) -> tuple[list[dict[str, Any]], int]:
    """(alert objects, lines that were not alert objects) from JSON Lines output."""
    alerts: list[dict[str, Any]] = []
    other = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError:
            other += 1
            continue
        if isinstance(value, dict) and "alert_type" in value:
            alerts.append(value)
        else:
            other += 1
    return alerts, other
