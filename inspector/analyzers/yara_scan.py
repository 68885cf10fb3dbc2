"""YARA over every artifact: the raw bytes, and the UTF-8 form of UTF-16 text.

Rule `meta` gives the finding its id, score, ATT&CK ids and description (see rules/ruleset.py).
Each scan passes the artifact's external variables (its file name, path, extension and type:
rules/externals.py), which the rules of community packs compare.
"""

from __future__ import annotations

import yara

from inspector.stage import AnalyzerOutput, Payload, ScanContext
from inspector.model import Artifact, ErrorKind, Finding, Location
from inspector.redact import QUOTE_CONTEXT_CHARS, redact_quote
from inspector.rules.ruleset import RuleMeta, meta_of
from inspector.rules.externals import artifact_externals


class YaraAnalyzer:
    name = "yara"
    version = "2"  # 2: scans pass the artifact's external variables

    def __init__(self, rules: yara.Rules | None) -> None:
        self._rules = rules

    def accepts(self, artifact: Artifact) -> bool:
        return self._rules is not None

    def analyze(self, payload: Payload, ctx: ScanContext) -> AnalyzerOutput:
        out = AnalyzerOutput()
        seen: set[str] = set()
        rules = self._rules
        if rules is None:
            return out
        externals = artifact_externals(payload.artifact)
        for data, offset_in_text in self._views(payload):
            timeout = max(1, min(ctx.limits.yara_timeout_s, int(ctx.time_left()) or 1))
            try:
                matches = rules.match(data=data, externals=externals, timeout=timeout)
            except yara.TimeoutError:
                out.errors.append((ErrorKind.LIMIT_YARA_TIMEOUT, f"YARA scan stopped after {timeout}s"))
                continue
            except yara.Error as exc:
                out.errors.append((ErrorKind.YARA_ERROR, str(exc)[:200]))
                continue
            for match in matches:
                meta = meta_of(match.rule, match.meta)
                if meta.id in seen:
                    continue
                seen.add(meta.id)
                out.findings.append(self._finding(payload, data, match, meta, offset_in_text, ctx))
        return out

    @staticmethod
    def _views(payload: Payload) -> list[tuple[bytes, bool]]:
        views = [(payload.data, False)]
        encoding = payload.artifact.encoding or ""
        if payload.text is not None and encoding.startswith(("utf-16", "utf-32")):
            views.append((payload.text.encode("utf-8", errors="replace"), True))
        return views

    @staticmethod
    def _finding(payload: Payload, data: bytes, match: yara.Match, meta: RuleMeta, from_text: bool,
                 ctx: ScanContext) -> Finding:
        location = None
        snippet = None
        instances = [inst for s in match.strings for inst in s.instances]
        if instances:
            first = min(instances, key=lambda inst: inst.offset)
            line = data.count(b"\n", 0, first.offset) + 1
            location = Location(offset=first.offset, length=first.matched_length, line=line)
            snippet = _snippet(data, max(0, first.offset - 40), first.offset + first.matched_length + 40,
                               ctx.limits.snippet_chars)
        return Finding(
            id=meta.id,
            source="yara",
            title=meta.description or match.rule,
            description=meta.description + (" (matched in the decoded text)" if from_text else ""),
            attack=list(meta.attack),
            score=meta.score,
            artifact=payload.artifact.sha256,
            location=location,
            snippet=snippet,
            count=max(1, len(instances)),
        )


# How far a snippet window's edge moves to reach a word boundary; past it, an ellipsis marks the cut.
WORD_SLACK = 24
_BLANKS = b" \t\r\n\f\v"
ELLIPSIS = "…"


def word_window(data: bytes, start: int, end: int) -> tuple[int, int, bool, bool]:
    """The window widened to whole words (within WORD_SLACK bytes each side), and whether each
    edge still cuts a word: a quote that starts mid-word reads as a different word."""
    end = min(end, len(data))
    cut_start = cut_end = False
    if start > 0 and data[start - 1] not in _BLANKS:
        blank = max(data.rfind(bytes([b]), max(0, start - WORD_SLACK), start) for b in _BLANKS)
        if blank >= 0:
            start = blank + 1
        elif start > WORD_SLACK:
            cut_start = True
        else:
            start = 0
    if end < len(data) and data[end - 1] not in _BLANKS and data[end] not in _BLANKS:
        found = [i for i in (data.find(bytes([b]), end, end + WORD_SLACK) for b in _BLANKS) if i >= 0]
        if found:
            end = min(found)
        elif end + WORD_SLACK < len(data):
            cut_end = True
        else:
            end = len(data)
    while end > start and data[end - 1] in _BLANKS:
        end -= 1
    while start < end and data[start] in _BLANKS:
        start += 1
    return start, end, cut_start, cut_end


def _snippet(data: bytes, start: int, end: int, limit: int) -> str:
    """data[start:end] as text, from a word boundary (see `word_window`), redacted with the bytes
    around it in view: a secret the window's edges cut through is still recognised and removed whole."""
    start, end, cut_start, cut_end = word_window(data, start, end)
    quoted = _quote(data, start, end, limit)
    if cut_start:
        quoted = ELLIPSIS + quoted[: limit - 1]
    if cut_end and len(quoted) < limit:
        quoted += ELLIPSIS
    return quoted


def _quote(data: bytes, start: int, end: int, limit: int) -> str:
    before = data[max(0, start - QUOTE_CONTEXT_CHARS):start].decode("utf-8", errors="replace")
    window = data[start:end].decode("utf-8", errors="replace")
    after = data[end:end + QUOTE_CONTEXT_CHARS].decode("utf-8", errors="replace")
    return redact_quote(before + window + after, len(before), window, limit=limit)
