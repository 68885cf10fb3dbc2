"""Settings come from INSPECTOR_* variables and a TOML file; invalid values name the setting."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from inspector.analyzers.binary_common import BinaryLimits
from inspector.analyzers.heuristics.patterns import HeuristicLimits
from inspector.config import (
    ConfigError,
    Settings,
    load_settings,
    setting_default,
    setting_variables,
    unknown_setting_warnings,
)
from inspector.deobfuscate.common import DeobfuscationLimits
from inspector.extensions.limits import RequestLimits
from inspector.stage import ScanLimits
from inspector.unpack.archives import ArchiveLimits

STAGE_LIMITS = (ScanLimits, RequestLimits, DeobfuscationLimits, HeuristicLimits, BinaryLimits, ArchiveLimits)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("INSPECTOR_"):
            monkeypatch.delenv(name)


def test_defaults_need_no_configuration() -> None:
    settings = load_settings()
    assert (settings.host, settings.port) == ("127.0.0.1", 8080)
    assert settings.fetch_allow_networks == []
    assert settings.fetch_only_allowed is False
    assert settings.suspicious_threshold < settings.malicious_threshold


def test_environment_lists_and_maps(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("INSPECTOR_SIGNATURE_DIRS", f"{tmp_path / 'a'}{os.pathsep}{tmp_path / 'b'}")
    monkeypatch.setenv("INSPECTOR_FETCH_ALLOW_NETWORKS", "127.0.0.0/8, ::1/128")
    monkeypatch.setenv("INSPECTOR_FETCH_HOSTS", "raw.githubusercontent.com=127.0.0.1,api.github.com=127.0.0.2")
    monkeypatch.setenv("INSPECTOR_FETCH", "false")
    settings = load_settings()
    assert settings.signature_dirs == [tmp_path / "a", tmp_path / "b"]
    assert settings.fetch_allow_networks == ["127.0.0.0/8", "::1/128"]
    assert settings.fetch_hosts == {"raw.githubusercontent.com": "127.0.0.1", "api.github.com": "127.0.0.2"}
    assert settings.fetch is False


def test_toml_file_is_read_and_environment_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = tmp_path / "inspector.toml"
    config.write_text('port = 9000\nsuspicious_threshold = 250\nhost = "0.0.0.0"\n')
    monkeypatch.setenv("INSPECTOR_PORT", "9100")
    settings = load_settings(config)
    assert (settings.port, settings.suspicious_threshold, settings.host) == (9100, 250, "0.0.0.0")


@pytest.mark.parametrize(
    ("name", "value", "mentioned"),
    [
        ("INSPECTOR_PORT", "eighty", "INSPECTOR_PORT"),
        ("INSPECTOR_FETCH_ALLOW_NETWORKS", "10.0.0.0/33", "INSPECTOR_FETCH_ALLOW_NETWORKS"),
        ("INSPECTOR_FETCH_HOSTS", "no-equals-sign", "INSPECTOR_FETCH_HOSTS"),
        ("INSPECTOR_MAX_DEPTH", "0", "INSPECTOR_MAX_DEPTH"),
    ],
)
def test_invalid_values_stop_with_the_setting_named(monkeypatch: pytest.MonkeyPatch, name: str, value: str,
                                                     mentioned: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as raised:
        load_settings()
    assert mentioned in str(raised.value)


def test_unknown_key_in_toml_is_an_error(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("prot = 80\n")
    with pytest.raises(ConfigError, match="PROT"):
        load_settings(config)


def test_bands_must_be_ordered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INSPECTOR_SUSPICIOUS_THRESHOLD", "500")
    monkeypatch.setenv("INSPECTOR_MALICIOUS_THRESHOLD", "400")
    with pytest.raises(ConfigError) as raised:
        load_settings()
    assert "INSPECTOR_MALICIOUS_THRESHOLD (400) must be greater than INSPECTOR_SUSPICIOUS_THRESHOLD (500)" in str(raised.value)
    assert "malicious_threshold" in str(raised.value)  # the TOML keys too


def test_missing_config_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "nope.toml")


@pytest.mark.parametrize("limits", STAGE_LIMITS, ids=lambda kind: kind.__name__)
def test_every_stage_limit_defaults_to_its_setting_default(limits: type[Any]) -> None:
    assert limits() == limits.from_settings(Settings())


def test_a_setting_default_is_the_fields_default_whatever_the_environment(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INSPECTOR_MAX_DEPTH", "3")
    assert load_settings().max_depth == 3
    assert setting_default("max_depth") == Settings.model_fields["max_depth"].default == 12
    assert ScanLimits().max_depth == 12


def test_every_setting_has_its_variable() -> None:
    assert "INSPECTOR_FETCH" in setting_variables() and "INSPECTOR_DATA_DIR" in setting_variables()


@pytest.mark.parametrize(
    ("variable", "suggested"),
    [("INSPECTOR_FECTH", "INSPECTOR_FETCH"), ("INSPECTOR_DATADIR", "INSPECTOR_DATA_DIR"),
     ("INSPECTOR_SUSPICOUS_THRESHOLD", "INSPECTOR_SUSPICIOUS_THRESHOLD"), ("inspector_log_levl", "INSPECTOR_LOG_LEVEL")],
)
def test_a_misspelt_variable_is_named_with_the_closest_setting(variable: str, suggested: str) -> None:
    [warning] = unknown_setting_warnings({variable: "secret-value", "PATH": "/bin"})
    assert warning.startswith(f"{variable} is not a setting and is ignored")
    assert warning.endswith(f"did you mean {suggested}?")
    assert "secret-value" not in warning


def test_settings_and_known_non_setting_variables_raise_no_warning() -> None:
    environ = {"INSPECTOR_FETCH": "false", "inspector_port": "1", "INSPECTOR_CONFIG": "x.toml",
               "INSPECTOR_ADMIN_KEY": "k", "INSPECTOR_TEST_POSTGRES_URL": "postgresql://x", "HOME": "/root"}
    assert unknown_setting_warnings(environ) == []


def test_a_variable_like_no_setting_points_at_the_documentation() -> None:
    [warning] = unknown_setting_warnings({"INSPECTOR_WHATEVER": "1"})
    assert "did you mean" not in warning and "docs/configuration.md" in warning
