"""Intel lists: the documented format, subdomain matching and the shipped lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.analyzers.heuristics.intel import (
    IntelError, builtin_intel, builtin_intel_dir, domain_in, load_intel, parse_intel_lines,
)


def test_comments_blank_lines_and_case_are_normalised() -> None:
    text = "# pools\nPool.Example.COM  # trailing comment\n\n  other.example.\n"
    assert parse_intel_lines(text, "t") == frozenset({"pool.example.com", "other.example"})


def test_an_entry_with_spaces_is_rejected_with_file_and_line() -> None:
    with pytest.raises(IntelError, match="t:2"):
        parse_intel_lines("ok.example\nnot ok.example\n", "t")


def test_domains_match_themselves_and_subdomains_only() -> None:
    domains = frozenset({"supportxmr.com"})
    assert domain_in("supportxmr.com", domains)
    assert domain_in("pool.supportxmr.com.", domains)
    assert not domain_in("notsupportxmr.com", domains)
    assert not domain_in("supportxmr.com.example", domains)


def test_missing_files_are_empty_lists(tmp_path: Path) -> None:
    (tmp_path / "pool_domains.txt").write_text("pool.example\n")
    intel = load_intel(tmp_path)
    assert intel.is_pool_domain("a.pool.example")
    assert intel.bad_domains == frozenset()


def test_oversized_intel_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bad_domains.txt").write_bytes(b"a.example\n" * 300_000)
    with pytest.raises(IntelError, match="larger than"):
        load_intel(tmp_path)


def test_shipped_lists_load_and_are_populated() -> None:
    assert builtin_intel_dir().is_dir()
    intel = builtin_intel()
    assert intel.is_pool_domain("gulf.moneroocean.stream")
    assert intel.is_bad_domain("transfer.sh")
    assert intel.is_vendor_installer("get.docker.com")
    assert intel.is_bad_repo_owner("GentilKiwi")
    assert not intel.is_vendor_installer("raw.githubusercontent.com")
    assert intel.is_vendor_url("raw.githubusercontent.com", "/Microsoft/repo/main/install.sh")


def test_vendor_urls_are_vendor_domains_or_vendor_organisations_on_code_hosts(tmp_path: Path) -> None:
    (tmp_path / "vendor_installer_domains.txt").write_text("get.example\n")
    (tmp_path / "vendor_repo_owners.txt").write_text("# vendors\nContoso\n")
    intel = load_intel(tmp_path)
    assert intel.is_vendor_url("get.example", "/install.sh")
    assert intel.is_vendor_url("raw.githubusercontent.com", "/contoso/tools/main/install.sh")
    assert intel.is_vendor_url("github.com", "/contoso/tools/releases/download/v1/tool.tgz")
    assert not intel.is_vendor_url("raw.githubusercontent.com", "/mallory/tools/main/install.sh")
    assert not intel.is_vendor_url("raw.githubusercontent.com", "/contoso/tools/refs/pull/7/head/install.sh")
    assert not intel.is_vendor_url("contoso.example", "/contoso/install.sh")  # not a code host
    assert not intel.is_vendor_url("raw.githubusercontent.com", "")
