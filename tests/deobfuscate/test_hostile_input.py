"""Arbitrary text never crashes a layer: every outcome is children, findings or an error."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector.stage import ScanContext, ScanLimits
from inspector.deobfuscate import LAYERS
from inspector.model import ArtifactType
from tests.deobfuscate.peeling import payload_of
from tests.timing import finishes_within_cpu

# Characters that matter to the three languages, so generated text exercises the parsers.
ALPHABET = st.sampled_from(list("abcxyzIEX0129 \n\t'\"`$%!^&|;,.+-*/\\()[]{}<>=:~#@") +
                           ["iex ", "-f ", "-join", "[char]", "base64 -d", "%x:~1,2%", "set x=", "\\x41", "$'"])
SCRIPT = st.lists(ALPHABET, max_size=200).map("".join)


@pytest.mark.parametrize("kind", [ArtifactType.POWERSHELL, ArtifactType.SHELL, ArtifactType.CMD])
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=SCRIPT)
def test_layers_survive_arbitrary_text(kind: ArtifactType, text: str) -> None:
    payload = payload_of(text.encode("utf-8", "surrogatepass"), kind)
    ctx = ScanContext(ScanLimits())
    for layer in LAYERS:
        if layer.accepts(payload.artifact):
            with finishes_within_cpu():
                out = layer.analyze(payload, ctx)
            assert all(child.data for child in out.children)
            assert all(kind_.startswith(("limit_", "deobfuscation_")) for kind_, _ in out.errors)


@settings(max_examples=40)
@given(data=st.binary(max_size=300))
def test_layers_survive_arbitrary_bytes(data: bytes) -> None:
    payload = payload_of(data, ArtifactType.POWERSHELL)
    for layer in LAYERS:
        if layer.accepts(payload.artifact):
            with finishes_within_cpu():
                layer.analyze(payload, ScanContext(ScanLimits()))
