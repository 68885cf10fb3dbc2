"""Settings come from INSPECTOR_* variables and a TOML file; invalid values name the setting."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from inspector.config import ConfigError, load_settings, setting_variables, unknown_setting_warnings


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
