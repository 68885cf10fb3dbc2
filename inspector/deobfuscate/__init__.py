"""Static deobfuscation layers: each decoded layer becomes a child artifact scanned again.

`LAYERS` is the registry the pipeline runs on every artifact after the unpackers; each
layer `accepts` the script languages it understands and returns one `Child` per decoded
layer (origin `decoded:<technique>` / `deobfuscated:<technique>`, with the parent span in
`Layer`) plus a `deobfuscation` finding per technique used. `build_layers(limits)` builds
the same registry with limits taken from Settings (`DeobfuscationLimits.from_settings`).
"""

from __future__ import annotations

from inspector.stage import Analyzer
from inspector.deobfuscate.cmd import CmdLayer
from inspector.deobfuscate.common import DeobfuscationLimits
from inspector.deobfuscate.powershell import PowerShellLayer
from inspector.deobfuscate.ps_launcher import PowerShellLauncherLayer
from inspector.deobfuscate.shell import ShellLayer


def build_layers(limits: DeobfuscationLimits | None = None) -> tuple[Analyzer, ...]:
    limits = limits or DeobfuscationLimits()
    return (
        PowerShellLauncherLayer(limits),
        PowerShellLayer(limits),
        ShellLayer(limits),
        CmdLayer(limits),
    )


LAYERS: tuple[Analyzer, ...] = build_layers()

__all__ = ["LAYERS", "DeobfuscationLimits", "build_layers"]
