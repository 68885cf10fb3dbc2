"""Hostile JSON: size, depth and syntax limits give clear InputErrors, never a RecursionError."""

from __future__ import annotations

import pytest

from inspector.extensions import InputError, parse_json
from inspector.extensions.jsonguard import text_depth, too_deep, value_depth
from tests.timing import finishes_within_cpu

LIMITS = {"max_bytes": 1 << 20, "max_depth": 64}


def kind_of(data, **limits):
    with pytest.raises(InputError) as err:
        parse_json(data, **(limits or LIMITS))
    return err.value.kind


def test_valid_json_in_utf8_with_bom_and_utf16_as_powershell_saves_it():
    doc = '{"publisher": "Microsoft.Compute", "n": [1, 2]}'
    assert parse_json(doc.encode(), **LIMITS)["n"] == [1, 2]
    assert parse_json(b"\xef\xbb\xbf" + doc.encode(), **LIMITS)["publisher"] == "Microsoft.Compute"
    assert parse_json(b"\xff\xfe" + doc.encode("utf-16-le"), **LIMITS)["n"] == [1, 2]


def test_ten_thousand_deep_nesting_is_too_deep_not_a_recursion_error():
    assert kind_of(b"[" * 10_000 + b"]" * 10_000) == "too_deep"
    assert kind_of(b'{"a":' * 10_000 + b"1" + b"}" * 10_000) == "too_deep"
    assert kind_of(b"[" * 10_000) == "too_deep"  # unterminated as well


def test_brackets_inside_strings_do_not_count():
    doc = '{"s": "' + "[" * 1000 + '\\"{{{", "t": [1]}'
    assert parse_json(doc, **LIMITS)["t"] == [1]
    assert text_depth(doc, 64) == 2


def test_too_deep_skips_the_scan_only_when_the_openers_cannot_reach_the_limit():
    assert not too_deep('{"a": [1, {"b": 2}]}', 3)
    assert too_deep('{"a": [1, {"b": [2]}]}', 3)
    # More openers than the limit, but inside a string: the scan runs and finds depth 1.
    assert not too_deep('{"s": "' + "[" * 10 + '"}', 3)
    assert too_deep("[" * 4, 3)


def test_depth_is_exact_at_the_limit():
    at_limit = "[" * 64 + "]" * 64
    assert parse_json(at_limit, **LIMITS) is not None
    assert kind_of("[" + at_limit + "]") == "too_deep"


def test_truncated_and_broken_json_is_invalid_json_with_a_position():
    with pytest.raises(InputError) as err:
        parse_json(b'{"properties": {"publisher": "Microsoft.Compute", "settings": {', **LIMITS)
    assert err.value.kind == "invalid_json" and "line 1" in err.value.detail
    assert kind_of(b'{"a": 1,}') == "invalid_json"
    assert kind_of(b"{" + b"\x00\x01\x02\xff" * 1000) == "invalid_json"


def test_oversized_input_is_refused_before_parsing():
    assert kind_of(b"[" + b"1," * 600_000 + b"1]") == "too_large"


def test_huge_integers_are_invalid_json_not_a_crash():
    assert kind_of(b'{"n": ' + b"9" * 10_000 + b"}") == "invalid_json"


def test_megabytes_of_shallow_brackets_are_measured_and_parsed():
    # Without a per-character loop in Python: how fast is for benchmarks/, not for this test.
    data = b"[" + b"[]," * 1_000_000 + b"[]]"
    with finishes_within_cpu():
        assert len(parse_json(data, max_bytes=16 << 20, max_depth=64)) == 1_000_001


def test_value_depth_of_parsed_objects_is_iterative():
    deep: list = []
    node = deep
    for _ in range(5000):
        child: list = []
        node.append(child)
        node = child
    assert value_depth(deep, 64) > 64
    assert value_depth({"a": [1, {"b": 2}]}, 64) == 3
