"""URLs named inside scripts: candidates for the second fetch stage (no findings by itself)."""

from __future__ import annotations

import regex

from inspector.stage import AnalyzerOutput, Payload, ScanContext
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
