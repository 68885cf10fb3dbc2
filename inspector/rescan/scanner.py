"""Analyse one stored artifact again, with the pipeline's own analysis code.

Two depths, chosen per rescan:

* `rules` (the default, what a signature change needs): only the rule analyzers run (YARA, and
  Sigma when Sigma folders are configured), with the new ruleset. Findings of the other
  analyzers cannot have changed (their code did not), so re-scoring keeps them from the stored
  verdict and replaces only YARA and Sigma findings. This is as fast as the rules themselves
  plus bookkeeping.
* `full` (after an upgrade that changed analyzers or intel lists): every stage runs on the
  artifact, and all of its findings are replaced.

A stored inspection already holds every artifact of its tree (archive members, decoded and
deobfuscated layers) with its own bytes, so each artifact is analysed on its own: the children
it yields are not walked again. Results are keyed by (sha256, ruleset version, analyzer
version), the key of the analysis cache; in `rules` mode the analyzer version is `yara:<v>`
(`yara:<v>+sigma:<v>` with Sigma rules).

A stored artifact is analysed as the type the inspection decided (stored with its bytes), not
sniffed again: that decision may have come from a file name or a language hint the batch does
not have. A scan that stops at its deadline gives no result (`None`): the batch records the
artifact as not scanned and its stored findings stay, so a slow machine never reads as a
verdict change.

Those scans see bytes without a name. An artifact that was a file in an inspection (a fetched
file, an archive member, a submitted file) is also scanned with its name, by `scan_named`,
when the rules may read it (`reads_file_names`): see rescan/named.py.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from inspector.analysis.engine import AnalysisEngine, RootPayload, analyze_payloads
from inspector.analysis.placement import without_placement
from inspector.analysis.version import analysis_version
from inspector.analyzers.sigma import SigmaAnalyzer
from inspector.analyzers.yara_scan import YaraAnalyzer
from inspector.config import Settings
from inspector.model import TEXT_TYPES, Artifact, ArtifactType, ErrorKind, Finding
from inspector.rules import load_ruleset
from inspector.stage import Payload, ScanContext, ScanLimits
from inspector.unpack.text import decode_text

RescanDepth = Literal["rules", "full"]
RULES_ONLY_PREFIX = "yara:"


def replaced_sources(analyzer_version: str) -> frozenset[str] | None:
    """Finding sources a rescan with this analyzer version replaces (None: all of them)."""
    return frozenset({"yara", "sigma"}) if analyzer_version.startswith(RULES_ONLY_PREFIX) else None


@dataclass(frozen=True)
class ArtifactScanner:
    engine: AnalysisEngine
    yara: YaraAnalyzer
    ruleset_version: str
    rule_count: int
    analyzer_version: str
    depth: RescanDepth
    limits: ScanLimits
    sigma: SigmaAnalyzer | None = None
    reads_file_names: bool = False  # some rule may read `filename`, `filepath` or `extension`

    @classmethod
    def from_settings(cls, settings: Settings, depth: RescanDepth = "rules") -> ArtifactScanner:
        ruleset = load_ruleset(settings)
        engine = AnalysisEngine.build(ruleset.rules, settings, ruleset.sigma)
        yara = YaraAnalyzer(ruleset.rules)
        sigma = SigmaAnalyzer(ruleset.sigma) if ruleset.sigma.rules else None
        rules_version = f"{RULES_ONLY_PREFIX}{yara.version}" + (f"+sigma:{sigma.version}" if sigma else "")
        version = rules_version if depth == "rules" else analysis_version(ruleset.version, engine, settings)
        # Depth 0: the root is analysed, the children it yields are not walked (see module doc).
        limits = replace(ScanLimits.from_settings(settings), max_depth=0)
        return cls(engine, yara, ruleset.version, ruleset.rule_count, version, depth, limits, sigma,
                   ruleset.reads_file_names)

    def scan(self, sha256: str, data: bytes, type_name: str) -> list[Finding] | None:
        """The artifact's findings, or None when the scan was cut short by its deadline."""
        kind = ArtifactType(type_name) if type_name in ArtifactType._value2member_map_ else None
        if self.depth == "rules":
            return self._scan_rules(sha256, data, kind)
        return self._scan_full(sha256, data, kind)

    def scan_named(self, artifact: Artifact, data: bytes) -> list[Finding] | None:
        """YARA findings of a stored artifact scanned as the file it was (its name, path and type);
        None when the scan was cut short by its deadline."""
        return self._scan_yara(artifact, data)

    def _scan_rules(self, sha256: str, data: bytes, kind: ArtifactType | None) -> list[Finding] | None:
        artifact = Artifact(sha256=sha256, size=len(data), type=kind or ArtifactType.UNKNOWN, origin="rescan")
        return self._scan_yara(artifact, data)

    def _scan_yara(self, artifact: Artifact, data: bytes) -> list[Finding] | None:
        text = None
        # YARA reads text only to add a UTF-8 view of UTF-16/32 text; Sigma reads scripts' text.
        sigma = self.sigma if self.sigma is not None and self.sigma.accepts(artifact) else None
        wanted = sigma is not None or _maybe_wide(data)
        if artifact.type in TEXT_TYPES and wanted and (decoded := decode_text(data)) is not None:
            artifact = artifact.model_copy(update={"encoding": decoded.encoding})
            text = decoded.text
        ctx = ScanContext(limits=self.limits)
        payload = Payload(artifact=artifact, data=data, text=text)
        outputs = [self.yara.analyze(payload, ctx)]
        if sigma is not None:
            outputs.append(sigma.analyze(payload, ctx))
        if ctx.expired() or any(kind == ErrorKind.LIMIT_DEADLINE for out in outputs for kind, _ in out.errors):
            return None
        return [f for out in outputs for f in out.findings]

    def _scan_full(self, sha256: str, data: bytes, kind: ArtifactType | None) -> list[Finding] | None:
        limits = replace(self.limits, max_artifact_bytes=max(self.limits.max_artifact_bytes, len(data)),
                         max_total_bytes=max(self.limits.max_total_bytes, len(data)))
        root = RootPayload(data=data, origin="rescan", role="rescan", type_hint=kind, decided_type=kind)
        outcome = analyze_payloads([root], self.engine, limits)
        if any(error.kind == ErrorKind.LIMIT_DEADLINE for error in outcome.errors):
            return None
        return without_placement(f for f in outcome.findings if f.artifact == sha256)


def _maybe_wide(data: bytes) -> bool:
    return data[:4] in _WIDE_BOMS or data[:2] in _WIDE_BOMS or b"\x00" in data[:4096]


_WIDE_BOMS = frozenset({b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"})
