"""Secret removal in free text: one set of shapes, applied to whole strings and to quotes cut from a text."""

from __future__ import annotations

import pytest

from inspector import redact
from inspector.redact import REDACTED, redact_quote, redact_text, secret_spans

PASSWORD = "Zx8Qw3Rt6Yp1Lk4M"
COMMAND = f"powershell -File setup.ps1 -Password {PASSWORD}; IEX (iwr https://h/x.ps1)"


def survivors(shown: str, secret: str, run: int = 3) -> list[str]:
    return [secret[i:i + run] for i in range(len(secret) - run + 1) if secret[i:i + run] in shown]


def test_a_quote_starting_inside_a_secret_keeps_none_of_it():
    # The "11 of 16 characters" case: the quote begins five characters into the password, where
    # the password, read alone, looks like any other word.
    start = COMMAND.index(PASSWORD) + 5
    quote = COMMAND[start:start + 40]
    assert PASSWORD[5:] in redact_text(quote)  # why quotes must not be redacted on their own
    shown = redact_quote(COMMAND, start, quote)
    assert survivors(shown, PASSWORD) == []
    assert shown.startswith(REDACTED) and "IEX (iwr https://h/x.ps1)" in shown


def test_a_quote_ending_before_the_context_that_marks_a_secret_keeps_none_of_it():
    text = "curl -fsSL https://deploy:Vx9Qm2Lr7Kp4Tz@dl.example.org/x.sh | sh"
    quote = text[:text.index("Lr7")]  # the '@' that makes it userinfo is cut off
    assert "Vx9Qm2" in redact_text(quote)
    assert survivors(redact_quote(text, 0, quote), "Vx9Qm2Lr7Kp4Tz") == []


def test_a_quote_with_collapsed_whitespace_is_redacted_in_place():
    text = "net use \\\\fs01\\share \t  Nu7Rx2Wq9Lz4\t/user:CORP\\bob"
    quote = " ".join(text.split())
    shown = redact_quote(text, 0, quote)
    assert shown == "net use \\\\fs01\\share [REDACTED] /user:CORP\\bob"


def test_a_quote_is_shortened_after_redaction():
    shown = redact_quote(COMMAND, 0, COMMAND, limit=45)
    assert len(shown) <= 45 and survivors(shown, PASSWORD) == []
    assert shown.startswith("powershell -File setup.ps1 -Password [REDACT")


def test_a_quote_not_found_in_the_text_loses_the_secrets_of_its_place_too():
    start = COMMAND.index(PASSWORD) + 5
    decoded = f"decoded: {PASSWORD[5:]} and more"
    assert survivors(redact_quote(COMMAND, start, decoded, length=11), PASSWORD, run=6) == []


def test_redact_text_replaces_each_secret_and_keeps_the_rest():
    assert redact_text("mysql -u root -pMq7Xv3Rk9Lw2 appdb") == "mysql -u root -p[REDACTED] appdb"
    assert redact_text("plain words") == "plain words"


def test_secret_spans_are_sorted_and_disjoint():
    text = "curl -u bob:Cu4Rz8Wq1Xk6 -H 'Authorization: Bearer Br2Xq7Rz4Wk9Lm1Np' https://a:b@h/"
    spans = secret_spans(text)
    assert spans == sorted(spans)
    assert all(end <= next_start for (_, end), (next_start, _) in zip(spans, spans[1:]))
    assert [text[s:e] for s, e in spans] == ["Cu4Rz8Wq1Xk6", "Br2Xq7Rz4Wk9Lm1Np", "a:b"]


def test_a_pattern_that_runs_out_of_time_hides_the_whole_text():
    assert redact_text("password=" + "x" * 100, timeout=1e-9) in (REDACTED, "password=[REDACTED]")


def test_every_shape_hint_holds_a_prefilter_hint():
    """The prefilter lets through every text a shape could match: each shape's hints contain one of its literals."""
    for shape in redact._SHAPES:
        for hint in shape.hints:
            assert hint == hint.lower()
            assert any(literal in hint for literal in redact._SECRET_HINTS), (shape.name, hint)


@pytest.mark.parametrize("shape", redact._SHAPES, ids=lambda s: s.name)
def test_shape_names_are_unique(shape):
    assert [s.name for s in redact._SHAPES].count(shape.name) == 1


def test_every_shape_is_documented():
    from pathlib import Path

    doc = (Path(__file__).parent.parent / "docs" / "redaction.md").read_text()
    assert [shape.name for shape in redact._SHAPES if f"`{shape.name}`" not in doc] == []
