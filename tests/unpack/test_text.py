"""Script bytes decode reliably whatever encoding Windows or Linux saved them in."""

from __future__ import annotations

import codecs

import pytest

from inspector.unpack.text import decode_text

SAMPLE = "Write-Host 'héllo wörld'\nGet-Date\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-bom"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_unicode_forms_round_trip(data: bytes, encoding: str) -> None:
    decoded = decode_text(data)
    assert decoded is not None
    assert decoded.text == SAMPLE
    assert decoded.encoding == encoding


def test_legacy_code_page_text_is_decoded_not_rejected() -> None:
    data = "Write-Host 'Größe übernommen, café'\n".encode("cp1252")
    decoded = decode_text(data)
    assert decoded is not None
    assert "Write-Host" in decoded.text
    assert decoded.encoding != "utf-8"


def test_binary_is_not_text() -> None:
    assert decode_text(bytes(range(256)) * 8) is None


def test_empty_input_is_empty_text() -> None:
    decoded = decode_text(b"")
    assert decoded is not None and decoded.text == ""
