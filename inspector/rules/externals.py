"""The external variables community rule packs read, defined from what the inspector knows of an artifact.

The rules of LOKI and THOR (signature-base, and the packs built on them) test a scanned file
through five string variables the scanner defines: `filename`, `filepath`, `extension`,
`filetype` and `owner`. A rule file that reads one of them does not even compile where they
are undefined, so every ruleset is compiled with them set to neutral values (empty strings),
and every scan passes the artifact's own values (docs/signatures.md has the table):

* an artifact that was a file has a path: the member path inside the archive it came out of,
  the path of the URL it was fetched from (what the VM saves it under), or the name a
  submitted file was given. `filepath` is that path whole (LOKI's convention: directory and
  name, so `filepath contains "\\\\Temp\\\\"` and `filepath contains "evil.exe"` both work),
  `filename` its last part, `extension` the lower-cased suffix with its dot (".ps1");
* anything else (an inline command, a decoded or deobfuscated layer, a decompressed stream)
  was never a file: the three are empty, as the neutral value a rule sees when it does not
  know the name;
* `filetype` is the type the pipeline detected, in the upper-case names those packs compare
  ("EXE", "ELF", "ZIP", "PS1", "SH" ...);
* `owner` is always empty: a payload has no owner on the machine that inspects it.

The values depend on the artifact record alone (never on the request field it came from), so
a rescan computes the same externals as the live analysis did. `MAPPING_VERSION` is part of
the ruleset version (rules/ruleset.py): changing what a variable means changes it, and with it
the analysis version and every rescan key.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from urllib.parse import unquote, urlsplit

import regex

from inspector.model import Artifact, ArtifactType

# Bump when a value below changes meaning: cached analyses and rescans then run again.
MAPPING_VERSION = "1"

EXTERNAL_NAMES = ("filename", "filepath", "extension", "filetype", "owner")
NEUTRAL_EXTERNALS: Mapping[str, str] = dict.fromkeys(EXTERNAL_NAMES, "")

# The request role of a file given directly (CLI path, API upload): its origin is its name.
SUBMITTED_ROLE = "submitted"
# The origin of a submitted input that came without a name.
UNNAMED_INPUT_ORIGIN = "input"

# Types in the names LOKI's magic table and THOR's rules use; scripts by their usual extension.
FILETYPES: Mapping[ArtifactType, str] = {
    ArtifactType.PE: "EXE",
    ArtifactType.ELF: "ELF",
    ArtifactType.ZIP: "ZIP",
    ArtifactType.GZIP: "GZIP",
    ArtifactType.TAR: "TAR",
    ArtifactType.BZIP2: "BZIP2",
    ArtifactType.XZ: "XZ",
    ArtifactType.SEVENZIP: "7ZIP",
    ArtifactType.POWERSHELL: "PS1",
    ArtifactType.SHELL: "SH",
    ArtifactType.CMD: "BAT",
    ArtifactType.PYTHON: "PY",
    ArtifactType.JSON: "JSON",
    ArtifactType.TEXT: "TXT",
    ArtifactType.UNKNOWN: "UNKNOWN",
}

# Layers that take a member out of an archive end so: zip-member, tar-member, 7z-member.
_MEMBER_TECHNIQUE_SUFFIX = "-member"


def file_path(artifact: Artifact) -> str:
    """The path the artifact had as a file, or "" when it never was one (see the module doc)."""
    if artifact.layer is not None:
        if artifact.layer.technique.endswith(_MEMBER_TECHNIQUE_SUFFIX):
            return artifact.layer.detail
        return ""
    if artifact.url is not None:
        try:
            return unquote(urlsplit(artifact.url).path)
        except ValueError:
            return ""
    if artifact.parent is None and artifact.role == SUBMITTED_ROLE and artifact.origin != UNNAMED_INPUT_ORIGIN:
        return artifact.origin
    return ""


def artifact_externals(artifact: Artifact) -> dict[str, str]:
    """The five external variables for one artifact."""
    path = file_path(artifact)
    name = regex.split(r"[/\\]", path)[-1] if path else ""
    return {
        "filename": name,
        "filepath": path,
        "extension": posixpath.splitext(name)[1].lower(),
        "filetype": FILETYPES.get(artifact.type, "UNKNOWN"),
        "owner": "",
    }


# What a rule source is once its comments and text strings are blanked (their words are not code).
_COMMENTS_AND_STRINGS = regex.compile(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"', regex.DOTALL)
# A name variable read in a condition; `filename = "..."` in a rule's meta assigns a key instead.
_READS_NAME = regex.compile(r"(?<![\w$#@!])(?:filename|filepath|extension)\b(?!\s*=(?!=))")
_RULE_DECLARATION = regex.compile(r"(?<![\w$#@!])rule\s+[A-Za-z_]\w*(?=\s*[:{])")
# Rule files are the operator's, not payloads; the bound only keeps a pathological one from stalling start-up.
_SOURCE_TIMEOUT_S = 10.0


def code_of(source: str) -> str:
    """The rule source with comments and quoted strings blanked, lines kept."""
    return _COMMENTS_AND_STRINGS.sub(lambda m: "\n" * m.group().count("\n") or " ", source,
                                     timeout=_SOURCE_TIMEOUT_S)


def reads_file_names(source: str) -> bool:
    """Whether a rule source may read `filename`, `filepath` or `extension`.

    Never false when a condition reads one; a source too odd to read in time counts as reading
    them (the cost of a wrong yes is a second scan in rescans, of a wrong no a missed finding)."""
    try:
        return _READS_NAME.search(code_of(source), timeout=_SOURCE_TIMEOUT_S) is not None
    except TimeoutError:
        return True


def declared_rules(source: str) -> int:
    """How many rules a source declares, counted in its text (for files that do not compile)."""
    try:
        return len(_RULE_DECLARATION.findall(code_of(source), timeout=_SOURCE_TIMEOUT_S))
    except TimeoutError:
        return 0
