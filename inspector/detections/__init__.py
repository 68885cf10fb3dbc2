"""The detection catalog: every detection the engine can report, declared once, by id.

    from inspector.detections import DETECTIONS, catalog_for
    DETECTIONS["heur.impact.shadow_copy_delete"].score      # the built-in detections
    catalog_for(ruleset)                                     # ... plus a ruleset's YARA rules

Each module in `DETECTION_MODULES` lists its declarations in `DETECTIONS`; the catalog is built
from that list once, and a second, different declaration of an id is an error. YARA rules
declare themselves through their `meta` when a ruleset compiles (`Ruleset.detections()`).
A finding whose id no entry declares is a programming error: scoring reports it
(`Decision.undeclared`) and the tests fail on it. `inspector rules list` and the reference in
docs/detection.md are printed from the catalog (render.py).
"""

from __future__ import annotations

from types import ModuleType

from inspector.activity import catalog as activity_catalog
from inspector.analyzers import ANALYZER_MODULES
from inspector.deobfuscate import cmd, powershell, ps_launcher, ps_oversize, shell
from inspector.detections.catalog import Catalog, DuplicateDetection, alert_types
from inspector.extensions import activity_log, kinds
from inspector.fetch import github, reputation
from inspector.rules.ruleset import Ruleset
from inspector.unpack import archives

# Every module that declares detections. Analyzers are found by name (inspector/analyzers/); any
# other new detector module is one line here; a new YARA rule or rule folder needs none (its meta
# declares it).
DETECTION_MODULES: tuple[ModuleType, ...] = (
    # every analyzer found in inspector/analyzers/ (script heuristics with every family and the
    # combinations, PE, ELF, embedded executables, type mismatch) that declares detections
    *(module for module in ANALYZER_MODULES if hasattr(module, "DETECTIONS")),
    ps_launcher,     # deobfuscation techniques, per language
    powershell,
    ps_oversize,     # PowerShell over the parse limit
    shell,
    cmd,
    archives,        # archive structure
    reputation,      # URL text and intel
    github,          # repository reputation
    kinds,           # every extension kind's structural checks
    activity_log,    # what a series of activity-log events shows
    activity_catalog,  # the activity-history detectors (inspector/activity/detectors)
)

DETECTIONS: Catalog = Catalog.of_modules(DETECTION_MODULES)


def catalog_for(ruleset: Ruleset) -> Catalog:
    """The built-in detections plus the YARA and Sigma rules of `ruleset`."""
    return DETECTIONS.with_rules(ruleset.detections())


__all__ = ["DETECTIONS", "DETECTION_MODULES", "Catalog", "DuplicateDetection", "alert_types", "catalog_for"]
