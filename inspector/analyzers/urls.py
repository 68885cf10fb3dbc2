"""URLs named inside scripts: candidates for the second fetch stage (no findings by itself)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from inspector.stage import Analyzer, AnalyzerOutput, Payload, ScanContext
from inspector.model import TEXT_TYPES, Artifact, ErrorKind

_URL = regex.compile(r"(?i)\bhttps?://[^\s\"'`<>(){}\[\]|;,^]{3,2048}")
MAX_URLS_PER_ARTIFACT = 50


class UrlExtractor:
    name = "urls"
    version = "1"

    def accepts(self, artifact: Artifact) -> bool:
        return artifact.type in TEXT_TYPES

    def analyze(self, payload: Payload, ctx: ScanContext) -> AnalyzerOutput:
        out = AnalyzerOutput()
        if not payload.text:
            return out
        try:
            for match in _URL.finditer(payload.text, timeout=ctx.regex_timeout()):
                url = match.group(0).rstrip(".'\")")
                if url not in out.urls:
                    out.urls.append(url)
                if len(out.urls) >= MAX_URLS_PER_ARTIFACT:
                    break
        except TimeoutError:
            out.errors.append((ErrorKind.LIMIT_REGEX_TIMEOUT, "URL extraction stopped at the regex time limit"))
        return out


if TYPE_CHECKING:
    from inspector.config import Settings

# Found by name by inspector/analyzers/__init__.py; analyzers run in RUN_ORDER, then name order.
RUN_ORDER = 10


def analyzers_for(settings: Settings | None) -> tuple[Analyzer, ...]:
    """This module's analyzers, limits from Settings (defaults without)."""
    return (UrlExtractor(),)
