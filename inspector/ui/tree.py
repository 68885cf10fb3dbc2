"""The artifact tree of a verdict: request fields -> fetched files -> archive members -> layers.

Built from the flat `Verdict.artifacts` list by parent sha256. Each node knows the chain of
steps from its root (field path, then each decoding or deobfuscation), its own findings, and
whether anything below it was flagged, so the page can point the analyst at the evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from inspector.model import Artifact, Finding, Layer, Verdict
from inspector.ui.highlight import HexView, TextView

# Deeper nesting is shown flattened at this level: browsers and templates cope with the
# depth limit the pipeline allows (up to 1000), but nobody reads 60 nested boxes.
MAX_NESTING = 48


@dataclass(frozen=True)
class ChainStep:
    origin: str
    technique: str | None
    detail: str


@dataclass
class TreeNode:
    artifact: Artifact
    findings: list[Finding]
    chain: list[ChainStep]
    children: list[TreeNode] = field(default_factory=list)
    flagged_below: bool = False
    content: TextView | HexView | None = None
    content_note: str | None = None

    @property
    def anchor(self) -> str:
        return f"artifact-{self.artifact.sha256}"

    @property
    def score(self) -> int:
        return sum(f.score for f in self.findings)

    @property
    def kind(self) -> str:
        """What this node is, in the analyst's words."""
        a = self.artifact
        if a.fetch is not None or (a.url and a.layer is None):
            return "fetched file"
        if a.layer is None:
            return "request field" if a.parent is None else "payload"
        technique = a.layer.technique.lower()
        if "member" in technique or technique in {"zip", "tar", "7z", "gzip", "bzip2", "xz"}:
            return "archive member"
        if a.origin.startswith("deobfuscated") or "deobfusc" in technique:
            return "deobfuscated layer"
        return "decoded layer"


def _step(artifact: Artifact) -> ChainStep:
    layer: Layer | None = artifact.layer
    return ChainStep(origin=artifact.origin, technique=layer.technique if layer else None,
                     detail=layer.detail if layer else "")


def build_tree(verdict: Verdict) -> list[TreeNode]:
    """Root nodes in verdict order; children in the order the pipeline found them."""
    findings_of: dict[str, list[Finding]] = {}
    for finding in verdict.findings:
        if finding.artifact:
            findings_of.setdefault(finding.artifact, []).append(finding)
    artifacts: dict[str, Artifact] = {}
    for artifact in verdict.artifacts:
        artifacts.setdefault(artifact.sha256, artifact)
    children: dict[str, list[Artifact]] = {}
    roots: list[Artifact] = []
    for artifact in artifacts.values():
        if artifact.parent and artifact.parent in artifacts and artifact.parent != artifact.sha256:
            children.setdefault(artifact.parent, []).append(artifact)
        else:
            roots.append(artifact)

    placed: set[str] = set()
    nodes: list[TreeNode] = []
    # Iterative depth-first build (trees may be deeper than Python's recursion limit).
    # Each entry: the artifact, its parent node (None at the top), and its nesting level.
    pending: list[tuple[Artifact, TreeNode | None, int]] = [(r, None, 0) for r in reversed(roots)]
    built: list[TreeNode] = []
    parent_of: dict[int, TreeNode | None] = {}
    while True:
        while pending:
            artifact, parent, level = pending.pop()
            if artifact.sha256 in placed:  # a parent loop in a malformed verdict
                continue
            placed.add(artifact.sha256)
            chain = parent.chain if parent is not None else []
            node = TreeNode(artifact=artifact, findings=findings_of.get(artifact.sha256, []),
                            chain=[*chain, _step(artifact)])
            if parent is None:
                nodes.append(node)
            elif level <= MAX_NESTING:
                parent.children.append(node)
            else:
                # Beyond MAX_NESTING, a node is listed beside its parent instead of inside it.
                holder = parent_of[id(parent)]
                (holder.children if holder is not None else nodes).append(node)
            parent_of[id(node)] = parent if level <= MAX_NESTING else parent_of[id(parent)]
            built.append(node)
            for child in reversed(children.get(artifact.sha256, [])):
                pending.append((child, node, level + 1))
        # Whatever a loop kept out of reach is still shown, at the top level.
        missing = [a for a in artifacts.values() if a.sha256 not in placed]
        if not missing:
            break
        pending.append((missing[0], None, 0))
    for node in reversed(built):  # children were built after their parents
        holder = parent_of[id(node)]
        if holder is not None and (node.findings or node.flagged_below):
            holder.flagged_below = True
    return nodes


def walk(nodes: list[TreeNode]) -> list[TreeNode]:
    """Every node, depth first, without recursion (trees can be deep)."""
    out: list[TreeNode] = []
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(reversed(node.children))
    return out
