"""All settings in one validated place: environment (`INSPECTOR_*`), a TOML file, defaults.

Precedence: explicit arguments > environment > TOML file (`INSPECTOR_CONFIG` or `--config`) >
defaults. An invalid value stops start-up with a message naming the setting.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from inspector.analyzers.base import ScanLimits

ENV_PREFIX = "INSPECTOR_"

def _default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "payload-inspector"

def _split(value: Any, sep: str) -> Any:
    if isinstance(value, str):
        return [part.strip() for part in value.split(sep) if part.strip()]
    return value

class ConfigError(Exception):
    """A setting is invalid; the message names it."""

class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="forbid", validate_default=True)

    # --- where things live
    data_dir: Path = Field(default_factory=_default_data_dir, description="SQLite database, blobs, logs")
    signature_dirs: Annotated[list[Path], NoDecode] = Field(
        default_factory=list, description="extra YARA rule folders, separated by the OS path separator"
    )
    include_builtin_signatures: bool = True

    # --- service
    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=0, le=65535)

    # --- verdict bands
    suspicious_threshold: int = Field(default=300, ge=1)
    malicious_threshold: int = Field(default=1000, ge=1)

    # --- analysis limits
    max_depth: int = Field(default=12, ge=1, le=1000)
    max_artifacts: int = Field(default=400, ge=1)
    max_artifact_bytes: int = Field(default=20 * 1024 * 1024, ge=1024)
    max_total_bytes: int = Field(default=100 * 1024 * 1024, ge=1024)
    max_text_chars: int = Field(default=8 * 1024 * 1024, ge=1024)
    max_input_bytes: int = Field(default=50 * 1024 * 1024, ge=1024, description="largest single input")
    regex_timeout_s: float = Field(default=0.25, gt=0)
    yara_timeout_s: int = Field(default=10, ge=1)
    scan_deadline_s: float = Field(default=20.0, gt=0)

    # --- fetching
    fetch: bool = Field(default=True, description="the service fetches URLs; the CLI only with --fetch")
    fetch_only_allowed: bool = False
    fetch_allow_networks: Annotated[list[str], NoDecode] = Field(default_factory=list)
    fetch_hosts: Annotated[dict[str, str], NoDecode] = Field(default_factory=dict)
    fetch_ports: Annotated[list[int], NoDecode] = Field(default_factory=lambda: [80, 443, 8080, 8443])
    fetch_max_bytes: int = Field(default=10 * 1024 * 1024, ge=1)
    fetch_total_bytes: int = Field(default=50 * 1024 * 1024, ge=1)
    fetch_connect_timeout_s: float = Field(default=5.0, gt=0)
    fetch_read_timeout_s: float = Field(default=10.0, gt=0)
    fetch_total_timeout_s: float = Field(default=30.0, gt=0)
    fetch_max_redirects: int = Field(default=5, ge=0, le=20)
    fetch_concurrency: int = Field(default=64, ge=1)
    fetch_per_host: int = Field(default=8, ge=1)
    fetch_retries: int = Field(default=2, ge=0, le=10)
    fetch_depth: int = Field(default=2, ge=0, le=10, description="how many stages of URLs found in scripts")
    fetch_max_urls: int = Field(default=50, ge=1, description="URLs fetched per inspection at most")
    github_api_url: str = "https://api.github.com"
    github_token: SecretStr | None = None

    # --- HTTP service (`inspector serve`, inspector/api/)
    api_workers: int = Field(default=0, ge=0, le=256, description="scan worker processes; 0 = one per CPU")
    api_queue_size: int = Field(default=64, ge=1, le=100_000, description="inspections admitted at once (running + waiting); beyond it 429")
    api_max_body_bytes: int = Field(default=16 * 1024 * 1024, ge=1024, description="largest JSON request body (413 beyond); uploads use max_input_bytes")
    api_max_json_depth: int = Field(default=64, ge=2, le=900, description="deepest nesting of a JSON request body")
    api_max_json_nodes: int = Field(default=200_000, ge=10, description="most values (objects, arrays, scalars) in a JSON request body")
    api_max_string_chars: int = Field(default=4 * 1024 * 1024, ge=64, description="longest single string in a JSON request body")
    api_wait_s: float = Field(default=5.0, ge=0, description="how long a request waits for its verdict before answering 202")
    api_max_wait_s: float = Field(default=60.0, gt=0, description="largest wait a request may ask for with options.deadline_s")
    api_inspection_timeout_s: float = Field(default=120.0, gt=0, description="hard bound on one inspection in the service, fetches included")
    api_body_timeout_s: float = Field(default=30.0, gt=0, description="time a client has to send its whole body (408 beyond)")
    api_rate_per_s: float = Field(default=500.0, ge=0, description="requests per second per API key (token bucket); 0 = no limit")
    api_rate_burst: int = Field(default=1000, ge=1, description="token bucket size: requests a key may send at once")
    api_auth_cache_s: float = Field(default=5.0, ge=0, description="how long a verified key is trusted before it is checked again")
    api_shutdown_grace_s: float = Field(default=30.0, ge=0, description="time in-flight inspections get to finish on shutdown")
    api_keepalive_s: float = Field(default=75.0, gt=0, description="idle keep-alive connection timeout")
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    log_json: bool = Field(default=True, description="JSON log lines (false: human-readable console lines)")

    @field_validator("signature_dirs", mode="before")
    @classmethod
    def _split_dirs(cls, value: Any) -> Any:
        return _split(value, os.pathsep)

    @field_validator("fetch_allow_networks", "fetch_ports", mode="before")
    @classmethod
    def _split_commas(cls, value: Any) -> Any:
        return _split(value, ",")

    @field_validator("fetch_allow_networks")
    @classmethod
    def _valid_networks(cls, value: list[str]) -> list[str]:
        import ipaddress

        for cidr in value:
            ipaddress.ip_network(cidr, strict=False)
        return value

    @field_validator("fetch_hosts", mode="before")
    @classmethod
    def _parse_hosts(cls, value: Any) -> Any:
        if isinstance(value, str):
            pairs: dict[str, str] = {}
            for item in _split(value, ","):
                name, sep, address = item.partition("=")
                if not sep or not name.strip() or not address.strip():
                    raise ValueError(f"expected name=address pairs, got {item!r}")
                pairs[name.strip().lower().rstrip(".")] = address.strip()
            return pairs
        return value

    @model_validator(mode="after")
    def _bands_ordered(self) -> Settings:
        if self.malicious_threshold <= self.suspicious_threshold:
            raise ValueError("malicious_threshold must be greater than suspicious_threshold")
        return self

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        config_file = os.environ.get(ENV_PREFIX + "CONFIG")
        if config_file:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=Path(config_file)))
        return tuple(sources)

    def scan_limits(self) -> ScanLimits:
        return ScanLimits(
            max_depth=self.max_depth,
            max_artifacts=self.max_artifacts,
            max_artifact_bytes=self.max_artifact_bytes,
            max_total_bytes=self.max_total_bytes,
            max_text_chars=self.max_text_chars,
            regex_timeout_s=self.regex_timeout_s,
            yara_timeout_s=self.yara_timeout_s,
            deadline_s=self.scan_deadline_s,
        )

def load_settings(config_file: str | Path | None = None, **overrides: Any) -> Settings:
    """Build settings, turning validation errors into one readable ConfigError."""
    if config_file is not None:
        if not Path(config_file).is_file():
            raise ConfigError(f"config file {config_file} does not exist")
        os.environ[ENV_PREFIX + "CONFIG"] = str(config_file)
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            name = ".".join(str(p) for p in err["loc"]) or "settings"
            env_name = ENV_PREFIX + name.upper() if err["loc"] else name
            problems.append(f"invalid setting {env_name}: {err['msg']}")
        raise ConfigError("; ".join(problems)) from None
    except (OSError, ValueError) as exc:  # unreadable or malformed TOML
        raise ConfigError(f"cannot read configuration: {exc}") from None
