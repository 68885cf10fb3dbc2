"""The external variables community packs read are defined from the artifact record alone:
its path as a file (archive member, fetched URL, submitted name), the detected type, no owner."""

from __future__ import annotations

from inspector.model import Artifact, ArtifactType, Layer
from inspector.rules.externals import (
    EXTERNAL_NAMES,
    FILETYPES,
    NEUTRAL_EXTERNALS,
    artifact_externals,
    declared_rules,
    file_path,
    reads_file_names,
)


def artifact(**fields: object) -> Artifact:
    values: dict[str, object] = {"sha256": "0" * 64, "size": 1, "type": ArtifactType.POWERSHELL,
                                 "origin": "settings.commandToExecute", "role": "command"}
    values.update(fields)
    return Artifact(**values)  # type: ignore[arg-type]


def test_the_five_variables_have_neutral_defaults() -> None:
    assert EXTERNAL_NAMES == ("filename", "filepath", "extension", "filetype", "owner")
    assert NEUTRAL_EXTERNALS == dict.fromkeys(EXTERNAL_NAMES, "")


def test_an_archive_member_is_named_by_its_path_in_the_archive() -> None:
    member = artifact(origin="zip:pkg/tools/Deploy.PS1", parent="1" * 64, depth=1,
                      layer=Layer(technique="zip-member", detail="pkg/tools/Deploy.PS1"))
    assert artifact_externals(member) == {"filename": "Deploy.PS1", "filepath": "pkg/tools/Deploy.PS1",
                                          "extension": ".ps1", "filetype": "PS1", "owner": ""}


def test_a_windows_style_member_path_still_gives_the_file_name() -> None:
    member = artifact(layer=Layer(technique="7z-member", detail="pkg\\bin\\svchost.exe"), type=ArtifactType.PE)
    externals = artifact_externals(member)
    assert (externals["filename"], externals["extension"], externals["filetype"]) == ("svchost.exe", ".exe", "EXE")


def test_a_fetched_file_is_named_by_the_path_of_its_url() -> None:
    fetched = artifact(origin="fileUris[0]", role="payload", type=ArtifactType.ZIP,
                       url="https://store.blob.core.windows.net/packages/my%20bundle.zip?sig=%5BREDACTED%5D")
    assert artifact_externals(fetched) == {"filename": "my bundle.zip", "filepath": "/packages/my bundle.zip",
                                           "extension": ".zip", "filetype": "ZIP", "owner": ""}


def test_a_submitted_file_is_named_by_the_name_it_was_given() -> None:
    submitted = artifact(origin="deploy.sh", role="submitted", type=ArtifactType.SHELL)
    assert file_path(submitted) == "deploy.sh"
    assert artifact_externals(submitted)["extension"] == ".sh"
    assert file_path(artifact(origin="input", role="submitted")) == ""  # submitted without a name


def test_what_never_was_a_file_has_no_name_but_keeps_its_type() -> None:
    inline = artifact()
    decoded = artifact(origin="base64:powershell-command", parent="1" * 64, depth=1,
                       layer=Layer(technique="base64"))
    gunzipped = artifact(origin="gzip:payload.tar", parent="1" * 64, depth=1, type=ArtifactType.TAR,
                         layer=Layer(technique="gzip", detail="10 -> 20 bytes"))
    for nameless in (inline, decoded, gunzipped):
        externals = artifact_externals(nameless)
        assert (externals["filename"], externals["filepath"], externals["extension"]) == ("", "", "")
    assert artifact_externals(inline)["filetype"] == "PS1"
    assert artifact_externals(gunzipped)["filetype"] == "TAR"


def test_every_detected_type_has_an_upper_case_name() -> None:
    assert set(FILETYPES) == set(ArtifactType)
    assert all(name == name.upper() for name in FILETYPES.values())
    assert (FILETYPES[ArtifactType.PE], FILETYPES[ArtifactType.ELF], FILETYPES[ArtifactType.SHELL]) == (
        "EXE", "ELF", "SH")


def test_a_source_reads_file_names_only_where_its_code_does() -> None:
    assert reads_file_names('rule a { condition: filename == "x.exe" }')
    assert reads_file_names('rule a { condition: not filepath contains "\\\\Temp\\\\" }')
    assert reads_file_names('rule a { condition: extension==".php" }')
    assert not reads_file_names('rule a { meta: filename = "x.exe" extension = ".exe" condition: true }')
    assert not reads_file_names('rule a { strings: $filename = "filepath" condition: $filename }')
    assert not reads_file_names('// filename == "x"\n/* extension */ rule a { condition: filetype == "EXE" }')


def test_declared_rules_are_counted_in_the_text() -> None:
    source = ('/* rule hidden { condition: true } */\nimport "pe"\nrule a : tag { condition: true }\n'
              'private rule b { strings: $s = "rule c {" condition: $s }\nglobal private rule d{condition: true}\n')
    assert declared_rules(source) == 3
