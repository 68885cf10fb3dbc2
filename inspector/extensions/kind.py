"""What one extension kind says about itself: the declaration every kind module exports as `KIND`.

A kind module (custom_script.py, dsc.py, ...) holds everything about one kind of request: the
kind names it covers, the (publisher, type) pairs that identify it, the handler that
plans its settings, the structural checks it may flag and the alert types its findings feed.
The modules live in `inspector/extensions/kinds/`, which finds them by name and builds every
table from them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from inspector.extensions.builder import PlanBuilder
from inspector.extensions.extension import ExtensionRequest
from inspector.extensions.plan import ExtensionKind
from inspector.model import DetectionSource
from inspector.stage import Feed, Heuristic

Handler = Callable[[ExtensionRequest, PlanBuilder], None]


@dataclass(frozen=True)
class KindAlerts:
    """The alert types a kind's findings feed; None where the kind has no such alert."""

    script: str | None = None       # a request part (script, fetched file) scores suspicious
    command: str | None = None      # ... and that part is the command or inline script (`script` otherwise)
    entry_point: str | None = None  # the reputation of the URL the command runs is suspicious
    fetched: str | None = None      # the reputation of another fetched URL is suspicious
    failure: str | None = None      # the run failed and the payload is flagged
    failed_run: str = "the extension run"  # how the failure alert's reason names the run
    deletion: str | None = None     # the resource was deleted right after it was written

    def names(self) -> tuple[str, ...]:
        found = (self.script, self.command, self.entry_point, self.fetched, self.failure, self.deletion)
        return tuple(dict.fromkeys(name for name in found if name is not None))


@dataclass(frozen=True)
class KindDeclaration:
    """One kind module's declaration.

    `extensions` maps casefolded (publisher, type) to the kind it identifies. `handler` plans an
    extension body of these kinds; None when the kind is recognised by the shape of its body
    instead (Run Command). `checks` are the structural checks the handler may flag. `fallback`,
    in exactly one module, is the kind a (publisher, type) pair nobody declares is given.
    """

    kinds: tuple[ExtensionKind, ...]
    extensions: tuple[tuple[tuple[str, str], ExtensionKind], ...] = ()
    handler: Handler | None = None
    checks: tuple[Heuristic, ...] = ()
    alerts: KindAlerts = KindAlerts()
    fallback: ExtensionKind | None = None


def request_check(
    id: str,
    title: str,
    description: str,
    score: int,
    attack: tuple[str, ...],
    *,
    alert: str | None = None,
    feed: Feed | None = None,
) -> Heuristic:
    """A structural check: what the shape of a request says before any script is read.

    It raises `alert` by itself when it names one; otherwise it only adds to the verdict score,
    unless `feed` says which kind-dependent alert it feeds (DELETION).
    """
    return Heuristic(
        id=id,
        title=title,
        description=description,
        score=score,
        attack=attack,
        source=DetectionSource.STRUCTURE,
        feed=feed or (Feed.CONTEXT if alert is not None else Feed.VERDICT),
        alert=alert,
    )
