"""Findings about where an artifact sits in its payload tree, found on the whole tree.

Everything else an analysis finds is a function of an artifact's bytes (and its type and
names). How many layers were peeled to reach a text is not: the same decoded script can be
the third layer under one root and a submitted script in another inspection. Found inside
the per-artifact walk, that finding depended on which root (or cached tree, or rescan batch)
the artifact happened to be analysed under. Here it is found from the finished tree's parent
edges, by the live path and by every rescan alike, so the same tree always gives the same
findings.

The count is taken from the artifact's own root (the request script, fetched file or
second-stage download it was peeled from), never from how deep that root was fetched.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from inspector.analyzers.heuristics.obfuscation_stats import LAYERS, MIN_LAYERS_DEPTH, PACKAGING_LAYERS
from inspector.model import Artifact, Finding
from inspector.stage import Payload

PLACEMENT_IDS = frozenset({LAYERS.id})


def layers_below_root(artifact: Artifact, by_sha: dict[str, Artifact]) -> int:
    """How many derivation steps lead from the artifact's root (an artifact with no layer) to it."""
    steps = 0
    current = artifact
    seen = {artifact.sha256}
    while current.layer is not None:
        steps += 1
        parent = by_sha.get(current.parent or "")
        if parent is None or parent.sha256 in seen:  # a parent not in the tree: count what is known
            break
        seen.add(parent.sha256)
        current = parent
    return steps


def placement_findings(artifacts: Sequence[Artifact]) -> list[Finding]:
    """The tree findings of these artifacts (the artifacts of one verdict, in its order)."""
    by_sha: dict[str, Artifact] = {}
    for artifact in artifacts:
        by_sha.setdefault(artifact.sha256, artifact)
    findings = []
    for artifact in by_sha.values():
        layer = artifact.layer
        if layer is None or layer.technique in PACKAGING_LAYERS:
            continue
        steps = layers_below_root(artifact, by_sha)
        if steps >= MIN_LAYERS_DEPTH:
            payload = Payload(artifact=artifact, data=b"", text=None)
            findings.append(LAYERS.finding(payload, count=steps - MIN_LAYERS_DEPTH + 1))
    return findings


def without_placement(findings: Iterable[Finding]) -> list[Finding]:
    """`findings` less the tree findings (which `placement_findings` finds again)."""
    return [f for f in findings if f.id not in PLACEMENT_IDS]
