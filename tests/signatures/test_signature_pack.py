"""The signature pack compiles, every rule declares its metadata, and matches exactly its samples."""

from __future__ import annotations

from pathlib import Path

import pytest
import yara

from inspector.rules.paths import builtin_signature_dir
from tests.signatures.samples import SAMPLES, SignatureSample

REQUIRED_META = ("id", "score", "attack", "description", "author")
# The lead's starter set and the binary packs have their own tests; this pack is the rest.
OTHER_PACKS = ("core_", "pe_", "elf_")


def pack_files() -> list[Path]:
    return sorted(p for p in builtin_signature_dir().glob("*.yar") if not p.name.startswith(OTHER_PACKS))


@pytest.fixture(scope="module")
def pack() -> yara.Rules:
    return yara.compile(filepaths={p.stem: str(p) for p in pack_files()})


def pack_ids(rules: yara.Rules) -> set[str]:
    return {str(rule.meta["id"]) for rule in rules}


def matched_ids(rules: yara.Rules, data: bytes) -> set[str]:
    return {str(m.meta["id"]) for m in rules.match(data=data, timeout=10)}


def test_every_rule_declares_id_score_attack_description_and_author(pack: yara.Rules) -> None:
    for rule in pack:
        missing = [key for key in REQUIRED_META if key not in rule.meta]
        assert not missing, f"{rule.identifier} lacks {missing}"
        assert rule.meta["author"] == "payload-inspector"
        assert isinstance(rule.meta["score"], int) and rule.meta["score"] > 0
        assert str(rule.meta["id"]).startswith("yara.")
        assert all(a.strip().startswith("T") for a in str(rule.meta["attack"]).split(","))


def test_rule_ids_are_unique(pack: yara.Rules) -> None:
    ids = [str(rule.meta["id"]) for rule in pack]
    assert len(ids) == len(set(ids))


def test_every_rule_has_a_positive_and_a_negative_sample(pack: yara.Rules) -> None:
    positives = {s.rule for s in SAMPLES if s.positive}
    negatives = {s.rule for s in SAMPLES if not s.positive}
    ids = pack_ids(pack)
    assert ids - positives == set(), "rules without a positive sample"
    assert ids - negatives == set(), "rules without a negative sample"
    assert (positives | negatives) - ids == set(), "samples for rules that do not exist"


def test_one_file_per_family() -> None:
    families = [p.stem for p in pack_files()]
    assert len(families) == len(set(families)) >= 8


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: f"{'pos' if s.positive else 'neg'}:{s.rule}:{s.encoding}")
def test_sample_matches_exactly_the_expected_rules(pack: yara.Rules, sample: SignatureSample) -> None:
    assert matched_ids(pack, sample.data) == set(sample.matches)
