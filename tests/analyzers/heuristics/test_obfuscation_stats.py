"""Obfuscation statistics: weak alone, and never counted twice for one blob."""

from __future__ import annotations

import base64
import random

from inspector.analyzers.heuristics.obfuscation_stats import is_random_case, shannon_entropy
from inspector.model import ArtifactType
from tests.analyzers.heuristics.helpers import analyze, ids, score

PS = ArtifactType.POWERSHELL


def test_entropy_of_uniform_and_constant_text() -> None:
    assert shannon_entropy("aaaa") == 0.0
    assert abs(shannon_entropy("abcd") - 2.0) < 1e-9


def test_random_case_is_told_apart_from_camel_case() -> None:
    assert is_random_case("InVoKe-ExPrEsSiOn")
    assert not is_random_case("ServicePointManager")
    assert not is_random_case("GetHTTPResponse")


def test_encoded_command_explains_its_own_blob() -> None:
    blob = base64.b64encode(("Write-Output 'hello world'; " * 40).encode("utf-16-le")).decode()
    found = ids(f"powershell -NoP -EncodedCommand {blob}", PS)
    assert "heur.obfuscation.encoded_command" in found
    assert "heur.obfuscation.base64_blob" not in found
    assert "heur.obfuscation.high_entropy" not in found


def test_a_lone_base64_blob_is_weak() -> None:
    rng = random.Random(1)
    blob = base64.b64encode(bytes(rng.getrandbits(8) for _ in range(3000))).decode()
    text = f"$cert = '{blob}'"
    assert "heur.obfuscation.base64_blob" in ids(text, PS)
    assert score(text, PS) < 300


def test_character_level_obfuscation_is_recognised() -> None:
    ticks = "I`nv`oke-Ex`pre`ssion (N`ew-Ob`ject Ne`t.W`ebCl`ient).Do`wnlo`adStr`ing('x')"
    assert "heur.obfuscation.backtick_escapes" in ids(ticks, PS)
    chars = "-join ([char]73,[char]69,[char]88,[char]32,[char]40,[char]78,[char]101,[char]119,[char]45)"
    assert "heur.obfuscation.char_codes" in ids(chars, PS)
    carets = "p^o^w^e^r^s^h^e^l^l -n^o^p -w h^i^d^d^e^n -c ^I^E^X"
    assert "heur.obfuscation.caret_escapes" in ids(carets, ArtifactType.CMD)
    fmt = "iex (\"{2}{0}{1}\" -f 'oke-Ex','pression','Inv')"
    assert "heur.obfuscation.format_operator" in ids(fmt, PS)


def test_decode_and_execute_is_medium_alone() -> None:
    text = "echo ZWNobyBoaQ== | base64 -d | bash"
    assert "heur.obfuscation.decode_execute" in ids(text)
    assert score(text) < 300


def test_plain_admin_script_has_no_obfuscation_findings() -> None:
    text = "Install-WindowsFeature Web-Server\nNew-Website -Name site -PhysicalPath C:\\inetpub\\site -Port 80\n" * 5
    assert not [f for f in analyze(text, PS).findings if f.id.startswith("heur.obfuscation")]
