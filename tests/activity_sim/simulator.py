"""`simulate(config)`: routine history, then attack scenarios and benign novelties in the attack
phase (after the learning period), every record labelled; `Simulation.write(out)` delivers the
records as files in Azure's shapes (late, out of order, duplicated) and writes `labels.json`."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.activity_sim.events import Event, Recorder
from tests.activity_sim.fleet import IpPlan, Subscription, build_fleet, new_uuid
from tests.activity_sim.labels import ALERT_TYPES, Labels
from tests.activity_sim.routine import Routine
from tests.activity_sim.scenarios import Attacks, Novelties
from tests.activity_sim.shapes import SHAPES, deliver, write_files
from tests.activity_sim.world import World

# Scenario slots avoid the automation hours (release pipelines 02:00-03:00, weekly patching and
# DSC 03:00-05:00 UTC), so that an alert on routine fan-out is never credited to an attack.
_QUIET_FROM_H, _QUIET_TO_H = 1.5, 5.5


@dataclass(frozen=True)
class SimConfig:
    seed: int = 15
    days: int = 14
    subscriptions: int = 3
    vms: int = 30
    scenarios_per_type: int = 3
    new_admins: int = 3
    new_automations: int = 1
    learning_days: int = 7  # no scenario before this day: the detectors' learning period
    late_share: float = 0.03
    duplicate_share: float = 0.02
    shapes: tuple[str, ...] = SHAPES
    start: datetime = datetime(2026, 11, 2, tzinfo=UTC)  # a Monday

    def __post_init__(self) -> None:
        if self.days < self.learning_days + 3:
            raise ValueError(f"days must be at least learning_days + 3 ({self.learning_days + 3})")
        if self.subscriptions < 1 or self.vms < 1 or self.scenarios_per_type < 1:
            raise ValueError("subscriptions, vms and scenarios_per_type must be positive")
        if unknown := set(self.shapes) - set(SHAPES):
            raise ValueError(f"unknown shapes {sorted(unknown)}; known: {', '.join(SHAPES)}")

    @property
    def attack_from(self) -> int:
        return max(self.learning_days + 1, self.days // 2)


# The full replay: 30 days, 100 VMs over 5 subscriptions, 10 scenarios per alert type.
FULL = SimConfig(days=30, subscriptions=5, vms=100, scenarios_per_type=10, new_admins=8, new_automations=2)


@dataclass
class Simulation:
    config: SimConfig
    tenant_id: str
    subscriptions: list[Subscription]
    events: list[Event]  # in event-time order
    labels: Labels
    files: list[Path] = field(default_factory=list)

    def write(self, out: Path) -> list[Path]:
        """Write the delivered records under `out/logs/` (names sort in arrival order) and
        `out/labels.json`; returns the log files in arrival order."""
        rng = random.Random(f"{self.config.seed}/delivery")
        deliveries = deliver(self.events, rng, late_share=self.config.late_share,
                             duplicate_share=self.config.duplicate_share)
        shape_of = {sub.id: self.config.shapes[i % len(self.config.shapes)] for i, sub in enumerate(self.subscriptions)}
        self.files, stats = write_files(deliveries, out / "logs", self.tenant_id, shape_of)
        self.labels.delivery = {"emitted": stats.emitted, "late": stats.late, "duplicates": stats.duplicates,
                                "out_of_order": stats.out_of_order}
        self.labels.write(out / "labels.json")
        return self.files


def _slots(config: SimConfig, rng: random.Random, count: int) -> list[datetime]:
    """`count` scenario start times spread evenly over the attack phase, outside the quiet hours."""
    allowed: list[datetime] = []
    t = config.start + timedelta(days=config.attack_from)
    end = config.start + timedelta(days=config.days) - timedelta(hours=2)
    while t < end:
        hour = t.hour + t.minute / 60
        if not _QUIET_FROM_H <= hour < _QUIET_TO_H:
            allowed.append(t)
        t += timedelta(minutes=30)
    step = len(allowed) / count
    return [allowed[int(i * step)] + timedelta(minutes=rng.uniform(0, 20)) for i in range(count)]


def simulate(config: SimConfig | None = None) -> Simulation:
    config = config or SimConfig()
    rng = random.Random(config.seed)
    ips = IpPlan(rng)
    subs = build_fleet(rng, subscriptions=config.subscriptions, vms=config.vms, ips=ips, days=config.attack_from)
    world = World(rng, Recorder(rng), ips, subs, config.start, config.days, config.attack_from, new_uuid(rng),
                  judged_from=config.learning_days)
    routine = Routine(world)
    routine.run()

    attacks, novelties = Attacks(world), Novelties(world, routine)
    plan: list[str | None] = [t for t in ALERT_TYPES for _ in range(config.scenarios_per_type)]
    plan += [None] * config.new_admins
    rng.shuffle(plan)
    sub_offset = rng.randrange(len(subs))
    for index, (alert_type, when) in enumerate(zip(plan, _slots(config, rng, len(plan)), strict=True)):
        sub = subs[(index + sub_offset) % len(subs)]
        if alert_type is None:
            novelties.new_admin(sub, (when - config.start).days)
        else:
            attacks.builders[alert_type](sub, when)
    for n in range(config.new_automations):
        novelties.new_automation(subs[n % len(subs)], config.attack_from + 1 + n)

    events = sorted(world.rec.events, key=lambda e: (e.time, e.event_id))
    scenario_ids = {case.id for case in world.scenarios}
    attack = sum(1 for e in events if e.label in scenario_ids)
    parameters = {"seed": config.seed, "days": config.days, "subscriptions": config.subscriptions,
                  "vms": sum(len(s.vms) for s in subs), "scenarios_per_type": config.scenarios_per_type,
                  "learning_days": config.learning_days, "attack_from_day": config.attack_from,
                  "start": config.start.isoformat().replace("+00:00", "Z"), "shapes": list(config.shapes),
                  "gpu_vms": sum(vm.gpu for s in subs for vm in s.vms)}
    labels = Labels(world.scenarios, world.benign_cases, len(events) - attack, attack, {}, parameters)
    return Simulation(config, world.tenant_id, subs, events, labels)
