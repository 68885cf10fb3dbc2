"""The LAYERS registry: one analyzer per concern, accepting the right languages."""

from __future__ import annotations

from inspector.deobfuscate import LAYERS, DeobfuscationLimits, build_layers
from inspector.model import Artifact, ArtifactType


def artifact(kind: ArtifactType) -> Artifact:
    return Artifact(sha256="0" * 64, size=1, type=kind, origin="test")


def test_registry_names_are_unique_and_versioned() -> None:
    names = [layer.name for layer in LAYERS]
    assert len(names) == len(set(names)) and all(layer.version for layer in LAYERS)


def test_each_language_has_its_layers_and_binaries_have_none() -> None:
    accepted = {kind: [layer.name for layer in LAYERS if layer.accepts(artifact(kind))] for kind in ArtifactType}
    assert accepted[ArtifactType.POWERSHELL] == ["deobfuscate.powershell_launcher", "deobfuscate.powershell"]
    assert accepted[ArtifactType.CMD] == ["deobfuscate.powershell_launcher", "deobfuscate.cmd"]
    assert accepted[ArtifactType.SHELL] == ["deobfuscate.powershell_launcher", "deobfuscate.shell"]
    assert accepted[ArtifactType.PE] == [] and accepted[ArtifactType.ZIP] == []


def test_build_layers_passes_limits_to_every_layer() -> None:
    limits = DeobfuscationLimits(max_children=3)
    assert all(layer.limits is limits for layer in build_layers(limits))  # type: ignore[attr-defined]


def test_declared_findings_are_low_scored_obfuscation_evidence() -> None:
    from inspector.deobfuscate import cmd, powershell, ps_launcher, shell

    heuristics = [*powershell.TECHNIQUE_HEURISTICS.values(), *shell.TECHNIQUE_HEURISTICS.values(),
                  *cmd.TECHNIQUE_HEURISTICS.values(), ps_launcher.ENCODED_COMMAND]
    ids = [h.id for h in heuristics]
    assert len(ids) == len(set(ids))
    for heuristic in heuristics:
        assert heuristic.id.split(".")[:2][0] == "deobf"
        assert heuristic.id.split(".")[1] in ("powershell", "shell", "cmd")
        assert heuristic.source == "deobfuscation"
        assert heuristic.attack == ("T1027", "T1140")
        assert 5 <= heuristic.score <= 40 and heuristic.description
