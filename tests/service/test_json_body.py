"""JSON documents within limits: shape limits checked before and after parsing, each a 400 problem."""

from __future__ import annotations

import json

import pytest

from inspector.service.json_body import JsonLimits, parse_json
from inspector.service.problems import (
    FIELD_TOO_LARGE,
    INVALID_JSON,
    JSON_TOO_DEEP,
    JSON_TOO_LARGE,
    ProblemError,
)

LIMITS = JsonLimits(max_depth=8, max_nodes=100, max_string_chars=32)


def test_valid_json_within_limits_is_returned_as_parsed():
    assert parse_json(b'{"kind": "script", "content": "Get-Date"}', LIMITS) == {"kind": "script", "content": "Get-Date"}


@pytest.mark.parametrize("raw", [b'{"kind": ', b"", b"{'a': 1}", b"[1, 2,]", b"NaN-ish"])
def test_malformed_json_is_an_invalid_json_problem_with_position(raw):
    with pytest.raises(ProblemError) as info:
        parse_json(raw, LIMITS)
    assert info.value.kind is INVALID_JSON
    assert "line" in info.value.detail


def test_integers_beyond_the_digit_limit_are_invalid_json_not_a_crash():
    with pytest.raises(ProblemError) as info:
        parse_json(b'{"n": ' + b"9" * 5000 + b"}", LIMITS)
    assert info.value.kind is INVALID_JSON


def test_non_utf8_body_is_invalid_json():
    with pytest.raises(ProblemError) as info:
        parse_json(b'{"a": "\xff"}', LIMITS)
    assert info.value.kind is INVALID_JSON
    assert "UTF-8" in info.value.detail


def test_nesting_beyond_the_limit_names_the_limit_and_where():
    nested = "[" * 9 + "]" * 9
    with pytest.raises(ProblemError) as info:
        parse_json(nested.encode(), LIMITS)
    assert info.value.kind is JSON_TOO_DEEP
    assert "limit of 8 levels" in info.value.detail


def test_nesting_at_the_limit_is_accepted():
    assert parse_json(("[" * 8 + "]" * 8).encode(), LIMITS) == [[[[[[[[]]]]]]]]


def test_absurd_nesting_that_breaks_the_parser_is_still_a_clean_problem():
    raw = ("[" * 200_000 + "]" * 200_000).encode()
    with pytest.raises(ProblemError) as info:
        parse_json(raw, LIMITS)
    assert info.value.kind is JSON_TOO_DEEP


def test_too_many_values_is_refused():
    with pytest.raises(ProblemError) as info:
        parse_json(json.dumps(list(range(200))).encode(), LIMITS)
    assert info.value.kind is JSON_TOO_LARGE


def test_an_oversized_string_is_refused_with_its_path():
    with pytest.raises(ProblemError) as info:
        parse_json(json.dumps({"resource": {"script": "A" * 33}}).encode(), LIMITS)
    assert info.value.kind is FIELD_TOO_LARGE
    assert "$.resource.script" in info.value.detail


def test_an_oversized_key_is_refused():
    with pytest.raises(ProblemError) as info:
        parse_json(json.dumps({"k" * 40: 1}).encode(), LIMITS)
    assert info.value.kind is FIELD_TOO_LARGE
