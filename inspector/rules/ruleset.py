"""The YARA engine: compile every rule folder once, version the ruleset, scan with a timeout.

Every source is compiled with the external variables community packs read (`filename`,
`filepath`, `extension`, `filetype`, `owner`: rules/externals.py), set to neutral values; a
scan passes each artifact's own. A rule file that still fails to compile (a syntax error,
another undefined identifier) is reported with its path, line and the number of rules it
declares, and left out; the others still load. The version is the hash of the externals
mapping and of the sources that compiled, so any change to the active rules, or to what the
variables mean, changes it.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import yara

from inspector.model import DetectionSource
from inspector.rules.externals import MAPPING_VERSION, NEUTRAL_EXTERNALS, declared_rules, reads_file_names
from inspector.sigma import SigmaRules
from inspector.stage import Heuristic

RULE_SUFFIXES = (".yar", ".yara")
_ERROR_LINE = re.compile(r"^(?:.*?\((\d+)\)|line (\d+)):\s*")


@dataclass(frozen=True)
class CompileError:
    """A rule file left out of the ruleset: where it fails, why, and how many rules it declares."""

    path: str
    line: int | None
    message: str
    rules: int = 0

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class RulesetError(Exception):
    """Raised when a ruleset must not replace the active one (some file failed, or none loaded)."""

    def __init__(self, errors: list[CompileError]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


@dataclass(frozen=True)
class RuleMeta:
    """What scoring needs from a rule's `meta`; defaults keep a bare operator rule usable."""

    rule: str
    id: str
    score: int
    attack: tuple[str, ...]
    description: str

    def detection(self) -> Heuristic:
        """The rule as a detection catalog entry, titled as its findings are."""
        return Heuristic(id=self.id, title=self.description or self.rule, description=self.description,
                         score=self.score, attack=self.attack, source=DetectionSource.YARA)


@dataclass
class Ruleset:
    rules: yara.Rules | None
    version: str
    rule_count: int
    files: list[str]
    errors: list[CompileError] = field(default_factory=list)
    loaded_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    reads_file_names: bool = False  # some compiled rule may read `filename`, `filepath` or `extension`

    @property
    def skipped_rules(self) -> int:
        """Rules declared in the files left out."""
        return sum(error.rules for error in self.errors)

    sigma: SigmaRules = field(default_factory=SigmaRules)

    def with_sigma(self, sigma: SigmaRules) -> Ruleset:
        """This ruleset plus Sigma rules, versioned by both (without Sigma files the version is YARA's)."""
        if not sigma.version:
            return replace(self, sigma=sigma)
        version = hashlib.sha256(f"yara {self.version}\nsigma {sigma.version}\n".encode()).hexdigest()[:16]
        return replace(self, sigma=sigma, version=version)

    def detections(self) -> tuple[Heuristic, ...]:
        """The catalog entries the rules declare, one per finding id (the first rule with an id
        declares it; a scan reports one finding per id too)."""
        entries: dict[str, Heuristic] = {}
        for meta in rule_metadata(self.rules):
            entries.setdefault(meta.id, meta.detection())
        for entry in self.sigma.detections():
            entries.setdefault(entry.id, entry)
        return tuple(entries.values())

    def to_bytes(self) -> bytes:
        """Compiled rules as bytes, to hand to worker processes without recompiling."""
        if self.rules is None:
            return b""
        buffer = io.BytesIO()
        self.rules.save(file=buffer)
        return buffer.getvalue()


def rule_files(directories: list[Path]) -> list[Path]:
    files: list[Path] = []
    for directory in directories:
        if directory.is_file() and directory.suffix in RULE_SUFFIXES:
            files.append(directory)
            continue
        if directory.is_dir():
            files.extend(sorted(p for p in directory.rglob("*") if p.suffix in RULE_SUFFIXES and p.is_file()))
    return files


def _namespace(path: Path, index: int) -> str:
    return f"ns{index}_" + re.sub(r"\W", "_", path.stem)


def _compile_error(path: Path, exc: Exception, rules: int) -> CompileError:
    message = str(exc)
    match = _ERROR_LINE.match(message)
    if match is None:
        return CompileError(str(path), None, message, rules)
    line = int(match.group(1) or match.group(2))
    return CompileError(str(path), line, message[match.end():], rules)


def compile_ruleset(directories: list[Path]) -> Ruleset:
    """Compile all rule files; files that fail are reported in `errors` and left out.

    The whole set is compiled in one pass; only when that fails is each file compiled alone,
    to name the broken ones and keep the rest.
    """
    files = rule_files(directories)
    sources: dict[str, tuple[Path, str]] = {}
    errors: list[CompileError] = []
    for index, path in enumerate(files):
        try:
            sources[_namespace(path, index)] = (path, path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            errors.append(CompileError(str(path), None, f"cannot read: {exc}"))
    try:
        rules = _compile({ns: text for ns, (_, text) in sources.items()})
    except (yara.SyntaxError, yara.Error):
        for namespace, (path, text) in list(sources.items()):
            try:
                yara.compile(source=text, includes=False, externals=dict(NEUTRAL_EXTERNALS))
            except (yara.SyntaxError, yara.Error) as exc:
                errors.append(_compile_error(path, exc, declared_rules(text)))
                del sources[namespace]
        rules = _compile({ns: text for ns, (_, text) in sources.items()})
    digest = hashlib.sha256(f"externals {MAPPING_VERSION}\0".encode())
    for path, text in sources.values():
        digest.update(path.name.encode() + b"\0" + text.encode() + b"\0")
    count = sum(1 for _ in rules) if rules is not None else 0
    return Ruleset(rules=rules, version=digest.hexdigest()[:16], rule_count=count,
                   files=[str(f) for f in files], errors=errors,
                   reads_file_names=any(reads_file_names(text) for _, text in sources.values()))


def sources_digest(directories: list[Path]) -> str:
    """Hash of every rule file's name and bytes: cheap to compute, changes when any rule file does."""
    digest = hashlib.sha256()
    for path in rule_files(directories):
        try:
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        except OSError:
            digest.update(path.name.encode() + b"\0unreadable\0")
    return digest.hexdigest()[:16]


def _compile(sources: dict[str, str]) -> yara.Rules | None:
    if not sources:
        return None
    return yara.compile(sources=sources, includes=False, externals=dict(NEUTRAL_EXTERNALS))


def rule_metadata(rules: yara.Rules | None) -> list[RuleMeta]:
    """Meta of every rule that can match (private rules never report), in compile order."""
    if rules is None:
        return []
    return [meta_of(rule.identifier, rule.meta) for rule in rules if not rule.is_private]


def meta_of(identifier: str, meta: dict[str, object]) -> RuleMeta:
    raw_score = meta.get("score", 100)
    try:
        score = int(raw_score)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        score = 100
    attack = tuple(a.strip() for a in str(meta.get("attack", "")).split(",") if a.strip())
    return RuleMeta(
        rule=identifier,
        id=str(meta.get("id") or f"yara.{identifier}"),
        score=max(0, score),
        attack=attack,
        description=str(meta.get("description", "")),
    )


def load_compiled(blob: bytes) -> yara.Rules | None:
    if not blob:
        return None
    return yara.load(file=io.BytesIO(blob))
