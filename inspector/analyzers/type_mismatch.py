"""A file whose name lies about its content: a PE or ELF delivered as `.txt`/`.png`/`.ps1`, or a
script delivered as an image or document.

Entry point: `TypeMismatchAnalyzer.analyze`. The content type comes from magic bytes
(inspector/unpack/filetype.py, already applied to `artifact.type`); the claimed name comes from
the artifact's URL path or origin. Download cradles rename payloads so proxies and reviewers
see a harmless extension; the mismatch itself is evidence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from inspector.stage import Analyzer, AnalyzerOutput, Heuristic, Payload, ScanContext
from inspector.analyzers.binary_common import claimed_file_name, file_extension
from inspector.model import SCRIPT_TYPES, Artifact, ArtifactType, DetectionSource

H_EXECUTABLE = Heuristic("type.extension_mismatch", "Executable disguised by its file name",
                         "The content is a PE or ELF executable but the file name it was delivered under says "
                         "text, image, document or script.", 300, ("T1036.008",), source=DetectionSource.STRUCTURE)
H_SCRIPT = Heuristic("type.extension_mismatch.script", "Script disguised as an image or document",
                     "The content is a script but the file name it was delivered under says image, media or "
                     "document: a way past download filters.", 200, ("T1036.008",), source=DetectionSource.STRUCTURE)

# Every detection this module declares, for the detection catalog (inspector/detections).
DETECTIONS: tuple[Heuristic, ...] = (H_EXECUTABLE, H_SCRIPT)

IMAGE_AND_DOCUMENT_EXTENSIONS = frozenset({
    ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".ico", ".svg", ".webp", ".tif", ".tiff",
    ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".rtf", ".odt",
    ".mp3", ".mp4", ".wav", ".avi", ".mov", ".ttf", ".woff", ".woff2",
})
# Names that claim something other than an executable. `.bin`, `.dat`, `.tmp` and no extension
# are deliberately absent: they promise nothing.
NON_EXECUTABLE_EXTENSIONS = IMAGE_AND_DOCUMENT_EXTENSIONS | frozenset({
    ".txt", ".log", ".csv", ".json", ".xml", ".yml", ".yaml", ".ini", ".cfg", ".conf", ".md", ".html", ".htm",
    ".css", ".js", ".ps1", ".psm1", ".psd1", ".sh", ".bash", ".bat", ".cmd", ".py", ".vbs", ".zip", ".gz",
    ".tar", ".7z", ".rar",
})
_EXECUTABLE_TYPES = frozenset({ArtifactType.PE, ArtifactType.ELF})


class TypeMismatchAnalyzer:
    """Compares what an artifact is (by content) with what its name claims."""

    name = "type_mismatch"
    version = "1"

    def accepts(self, artifact: Artifact) -> bool:
        return artifact.type in _EXECUTABLE_TYPES or artifact.type in SCRIPT_TYPES

    def analyze(self, payload: Payload, ctx: ScanContext) -> AnalyzerOutput:
        out = AnalyzerOutput()
        name = claimed_file_name(payload.artifact)
        if name is None:
            return out
        extension = file_extension(name)
        kind = payload.artifact.type
        if kind in _EXECUTABLE_TYPES and extension in NON_EXECUTABLE_EXTENSIONS:
            out.findings.append(H_EXECUTABLE.finding(payload, snippet=f"{kind.value.upper()} content named {name}"))
        elif kind in SCRIPT_TYPES and extension in IMAGE_AND_DOCUMENT_EXTENSIONS:
            out.findings.append(H_SCRIPT.finding(payload, snippet=f"{kind.value} script named {name}"))
        return out


if TYPE_CHECKING:
    from inspector.config import Settings

# Found by name by inspector/analyzers/__init__.py; analyzers run in RUN_ORDER, then name order.
RUN_ORDER = 50


def analyzers_for(settings: Settings | None) -> tuple[Analyzer, ...]:
    """This module's analyzers, limits from Settings (defaults without)."""
    return (TypeMismatchAnalyzer(),)
