"""All settings in one validated place: environment (`INSPECTOR_*`), a TOML file, defaults.

Precedence: explicit arguments > environment > TOML file (`INSPECTOR_CONFIG` or `--config`) >
defaults. An invalid value stops start-up with a message naming the setting.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
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

ENV_PREFIX = "INSPECTOR_"
# INSPECTOR_* names that are not settings yet mean something: the configuration file, the first
# admin key as the service prints it (people export it), the test suite's PostgreSQL URL.
NON_SETTING_VARIABLES = frozenset(ENV_PREFIX + name for name in ("CONFIG", "ADMIN_KEY", "TEST_POSTGRES_URL",
                                                                      "TEST_HOLD_AFTER_SAVE",
                                                                      "TEST_HOLD_AFTER_ALERTS_SAVED",
                                                                      "TEST_HOLD_BEFORE_LAST_SAVE"))

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
    sigma_dirs: Annotated[list[Path], NoDecode] = Field(
        default_factory=list, description="Sigma rule folders (e.g. SigmaHQ's rules), separated by the OS path separator"
    )
    sigma_cache: bool = Field(
        default=True, description="keep compiled Sigma rules in the data folder (sigma-cache/), keyed by the rules' bytes"
    )

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

    # --- understanding requests (inspector/extensions, docs/extensions.md)
    max_json_bytes: int = Field(default=16 * 1024 * 1024, ge=1024, description="largest JSON request understood")
    max_json_depth: int = Field(default=64, ge=4, le=200, description="deepest JSON nesting accepted (plans must serialise)")
    max_inline_script_bytes: int = Field(default=4 * 1024 * 1024, ge=1024, description="inline script after base64/gzip")
    max_plan_items: int = Field(default=256, ge=1, description="scripts plus URLs taken from one request")
    max_activity_records: int = Field(default=1000, ge=1, description="activity-log events read from one input")
    max_request_strings: int = Field(default=5000, ge=1, description="strings examined for commands/URLs and for secrets, per request")

    # --- activity stream: history, detectors (inspector/activity/, docs/activity.md)
    activity_max_record_bytes: int = Field(default=1024 * 1024, ge=1024, description="largest activity-log record ingested")
    activity_max_batch_records: int = Field(default=10_000_000, ge=1, description="records read from one ingest batch")
    activity_reorder_s: int = Field(default=3600, ge=0, le=7 * 86400, description="records are held this long (event time) so late ones are judged in order")
    activity_max_held_records: int = Field(default=10_000, ge=1, le=10_000_000, description="records a stream holds back for reordering per subscription; past it the oldest are judged early, in event order (counted as released_early)")
    activity_release_idle_s: float = Field(default=3600, ge=0, description="records held back for reordering are judged once their subscription has sent nothing for this long (wall clock; 0: only on a flush)")
    activity_max_lateness_s: int = Field(default=2 * 86400, ge=3600, description="records older than a subscription's newest event minus this are not ingested")
    activity_retention_days: int = Field(default=90, ge=1, description="activity history kept, in days of event time")
    activity_lookback_days: int = Field(default=14, ge=1, description="history the unusual-activity detectors compare with")
    activity_learning_days: int = Field(default=7, ge=0, description="history a subscription needs before unusual-activity alerts")
    activity_inspect_bodies: bool = Field(default=True, description="run activity records' request bodies through the payload pipeline")
    activity_detector_knobs: dict[str, dict[str, int | float | str]] = Field(
        default_factory=dict,
        description="detector knobs by detector name, e.g. {\"run_command_usage\": {\"fan_out_min_vms\": 8}} "
                    "(JSON in the environment, a table in TOML); windows in seconds or as 30m, 2h, 1d")

    # --- deobfuscation layers (inspector/deobfuscate/)
    deobfuscate_max_input_chars: int = Field(default=16 * 1024 * 1024, ge=1024, description="larger texts are not deobfuscated")
    deobfuscate_max_parse_chars: int = Field(default=1024 * 1024, ge=1024, description="text given to the script parsers")
    deobfuscate_max_child_bytes: int = Field(default=8 * 1024 * 1024, ge=1024, description="largest decoded layer")
    deobfuscate_max_children: int = Field(default=32, ge=1, le=10_000, description="decoded layers per artifact")
    deobfuscate_max_eval_steps: int = Field(default=1_000_000, ge=1000, description="expression evaluation steps per artifact")

    # --- binary analyzers: PE, ELF, embedded executables (docs/binaries.md)
    binary_entropy_sample_bytes: int = Field(default=64 * 1024, ge=4096, description="bytes sampled per entropy")
    binary_max_children: int = Field(default=16, ge=0, le=1000, description="embedded images emitted per artifact")
    pe_max_sections: int = Field(default=96, ge=1, le=2048)
    pe_max_imports: int = Field(default=4096, ge=1, description="import symbols recorded per PE")
    pe_max_exports: int = Field(default=2048, ge=0)
    pe_max_resources: int = Field(default=512, ge=0, description="resource leaves walked per PE")
    pe_max_metadata_bytes: int = Field(default=4 * 1024 * 1024, ge=1024, description=".NET metadata read")
    elf_max_string_scan_bytes: int = Field(default=8 * 1024 * 1024, ge=1024)
    elf_max_notable_strings: int = Field(default=32, ge=1, le=1000)
    embedded_max_blob_chars: int = Field(default=32 * 1024 * 1024, ge=1024, description="largest encoded blob")
    embedded_max_blobs: int = Field(default=64, ge=1, le=10_000, description="candidate blobs decoded per script")

    # --- script heuristics (inspector/analyzers/heuristics/, docs/detection.md)
    heuristics_max_matches_per_rule: int = Field(default=50, ge=1, le=100_000, description="occurrences counted per heuristic and text")
    heuristics_stats_sample_chars: int = Field(default=256 * 1024, ge=1024, description="characters the obfuscation statistics read")
    heuristics_max_hosts: int = Field(default=20_000, ge=1, description="host names per text checked against the pool list")

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
    # --- fetching and unpacking details (docs/fetching.md)
    fetch_user_agent: str = "PayloadInspector/0.1 (static malware analysis; content is never executed)"
    fetch_retry_backoff_s: float = Field(default=0.5, ge=0, le=60, description="first retry delay, doubled each time")
    fetch_max_retry_after_s: float = Field(default=10.0, ge=0, description="longest 429/503 Retry-After honoured")
    github_api_max_bytes: int = Field(default=1024 * 1024, ge=1024)
    github_cache_ttl_s: float = Field(default=3600.0, ge=0)
    github_cache_entries: int = Field(default=4096, ge=1)
    github_new_days: int = Field(default=30, ge=1, description="a repository or owner younger than this is new")
    github_recent_file_days: int = Field(default=7, ge=1, description="a file first committed this recently is new")
    unpack_max_members: int = Field(default=1000, ge=1, description="archive members unpacked per archive")
    unpack_max_member_bytes: int = Field(default=20 * 1024 * 1024, ge=1024)
    unpack_max_total_bytes: int = Field(default=100 * 1024 * 1024, ge=1024, description="expanded bytes per archive")
    unpack_max_ratio: float = Field(default=200.0, ge=2, description="expanded/compressed size beyond which it is a bomb")

    # --- HTTP service (`inspector serve`, inspector/api/)
    api_workers: int = Field(default=0, ge=0, le=256, description="scan worker processes; 0 = one per CPU but one (at least 1), leaving a core to the server's own process")
    api_queue_size: int = Field(default=64, ge=1, le=100_000, description="inspections admitted at once (running + waiting); beyond it 429")
    api_max_body_bytes: int = Field(default=16 * 1024 * 1024, ge=1024, description="largest JSON request body (413 beyond); uploads use max_input_bytes")
    api_max_activity_body_bytes: int = Field(default=16 * 1024 * 1024, ge=1024, description="largest POST /v1/activity body (413 beyond)")
    api_max_activity_records: int = Field(default=10_000, ge=1, description="records in one POST /v1/activity batch (413 beyond)")
    api_max_json_depth: int = Field(default=66, ge=2, le=900, description="deepest nesting of a JSON request body (the body wraps the resource: keep it above max_json_depth)")
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
    # --- analyst web console under /ui/ (inspector/ui/, docs/console.md)
    console_secret: SecretStr | None = Field(default=None, description="signs console session cookies; default: a random secret kept in data_dir/console-secret (set the same value on every replica)")
    console_session_idle_s: float = Field(default=1800.0, ge=60, description="a console session ends after this long without a request")
    console_session_max_s: float = Field(default=43200.0, ge=60, description="a console session ends this long after sign-in, however active")
    console_secure_cookie: bool | None = Field(default=None, description="mark session cookies Secure; default: when the request came over https")
    console_wait_s: float = Field(default=2.0, ge=0, le=60, description="how long a console submission waits for its verdict before showing progress")
    console_max_content_chars: int = Field(default=200_000, ge=1000, description="characters of one artifact shown as text")
    console_max_page_chars: int = Field(default=1_000_000, ge=1000, description="characters of artifact content on one verdict page")
    console_hex_bytes: int = Field(default=4096, ge=0, le=1024 * 1024, description="bytes of a binary artifact shown as hex")
    console_page_size: int = Field(default=50, ge=1, le=1000, description="inspections per history page")
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    log_json: bool = Field(default=True, description="JSON log lines (false: human-readable console lines)")

    # --- storage, rescans, events, scale-out (docs/storage.md)
    database_url: str | None = Field(default=None, description="SQLAlchemy async URL; default SQLite in data_dir")
    database_schema: str | None = Field(default=None, pattern=r"^[a-z_][a-z0-9_]{0,62}$", description="PostgreSQL schema")
    blob_dir: Path | None = Field(default=None, description="payload bytes folder; default data_dir/blobs")
    blob_backend: Literal["folder", "database", "s3"] = Field(default="folder", description="where payload bytes live: blob_dir, a blobs table in the PostgreSQL database, or an S3-compatible bucket")
    blob_s3_bucket: str | None = Field(default=None, min_length=3, max_length=63, description="bucket of blob_backend=s3")
    blob_s3_prefix: str = Field(default="blobs/", max_length=200, description="key prefix inside the bucket")
    blob_s3_endpoint_url: str | None = Field(default=None, description="S3-compatible endpoint (MinIO, Ceph, ...); default AWS")
    blob_s3_region: str | None = Field(default=None, description="region of the bucket")
    blob_s3_access_key_id: str | None = Field(default=None, description="default: the SDK's credential chain")
    blob_s3_secret_access_key: SecretStr | None = None
    retention_days: int | None = Field(default=None, ge=1, description="drop payload bytes older than this")
    retention_max_bytes: int | None = Field(default=None, ge=0, description="keep at most this many blob bytes")
    analysis_cache: bool = Field(default=True, description="reuse per-artifact results for the same rules/analyzers")
    analysis_cache_memory_entries: int = Field(default=4096, ge=0, le=1_000_000, description="analysed trees each process also keeps in memory (0: always read the store)")
    analysis_cache_memory_bytes: int = Field(default=32 * 1024 * 1024, ge=0, description="most bytes of analysed-tree JSON each process keeps in memory; a tree over a sixteenth of it is not kept")
    analysis_cache_memory_ttl_s: float = Field(default=60.0, ge=0, description="how long an analysed tree is answered from memory before the store is read again")
    database_pool_size: int = Field(default=20, ge=1, le=1000, description="database connections kept open per process")
    store_group_commit: bool = Field(default=True, description="commit concurrent finished inspections together")
    store_write_batch: int = Field(default=256, ge=1, le=10_000, description="inspections per group-commit transaction")
    store_write_queue: int = Field(default=4096, ge=1, le=1_000_000, description="inspections waiting for the writer")
    engine: Literal["local", "celery"] = "local"
    broker_url: str = "redis://127.0.0.1:6379/0"
    celery_queue: str = Field(default="inspector", min_length=1, max_length=200)
    celery_visibility_timeout_s: float | None = Field(default=None, gt=0, description="a task unacknowledged this long (its worker died) is delivered again by a Redis broker; default: api_inspection_timeout_s + inspection_lease_grace_s")
    inspection_lease_grace_s: float = Field(default=90.0, gt=0, description="a running inspection not finished this long after its deadline belongs to a dead process and is marked failed (abandoned)")
    inspection_queued_lease_s: float = Field(default=3600.0, gt=0, description="an inspection queued for the workers that none started in this time is marked failed (abandoned)")
    inspection_reap_interval_s: float = Field(default=15.0, gt=0, le=3600, description="how often the service looks for inspections abandoned by a dead process")
    rescan_batch_size: int = Field(default=2048, ge=1, le=100_000, description="artifacts per rescan batch (the unit of work, lease and resume)")
    rescan_processes: int = Field(default=0, ge=0, le=256, description="local rescan processes; 0 = CPU count")
    rescan_lease_s: float = Field(default=600.0, gt=0, description="a batch not finished in this time is retried")
    rescan_poll_s: float = Field(default=1.0, gt=0, le=60, description="how often a Celery rescan checks progress")
    rescan_refetch_concurrency: int = Field(default=8, ge=1, le=256, description="inspections whose URLs a --refetch rescan fetches at the same time")
    webhook_lease_s: float = Field(default=60.0, gt=0, description="one replica delivers events at a time")
    auto_rescan_on_reload: bool = False
    events_on_new_verdicts: bool = Field(default=False, description="also emit events for new non-clean verdicts")
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_timeout_s: float = Field(default=10.0, gt=0, le=300)
    webhook_max_backoff_s: float = Field(default=300.0, gt=0)
    events_jsonl_path: Path | None = None

    @field_validator("signature_dirs", "sigma_dirs", mode="before")
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
            raise ValueError(
                f"{ENV_PREFIX}MALICIOUS_THRESHOLD ({self.malicious_threshold}) must be greater than "
                f"{ENV_PREFIX}SUSPICIOUS_THRESHOLD ({self.suspicious_threshold}) "
                "(malicious_threshold and suspicious_threshold in a TOML file)"
            )
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
        return (init_settings, env_settings)


def setting_default(name: str) -> Any:
    """The default of one setting, whatever the environment or a file say.

    The stages' limits (`ScanLimits`, `RequestLimits`, ...) take their defaults from here, so
    each default is written once: on its field above."""
    return Settings.model_fields[name].get_default(call_default_factory=True)


def _with_file(config_file: Path | None) -> type[Settings]:
    """Settings that also read a TOML file, below the environment in precedence."""
    if config_file is None:
        return Settings

    class FileSettings(Settings):
        @classmethod
        def settings_customise_sources(
            cls,
            settings_cls: type[BaseSettings],
            init_settings: PydanticBaseSettingsSource,
            env_settings: PydanticBaseSettingsSource,
            dotenv_settings: PydanticBaseSettingsSource,
            file_secret_settings: PydanticBaseSettingsSource,
        ) -> tuple[PydanticBaseSettingsSource, ...]:
            return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls, toml_file=config_file))

    return FileSettings


def load_settings(config_file: str | Path | None = None, **overrides: Any) -> Settings:
    """Build settings, turning validation errors into one readable ConfigError."""
    config_file = config_file or os.environ.get(ENV_PREFIX + "CONFIG")
    if config_file and not Path(config_file).is_file():
        raise ConfigError(f"config file {config_file} does not exist")
    try:
        return _with_file(Path(config_file) if config_file else None)(**overrides)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            if not err["loc"]:  # a rule across settings: its message names them
                problems.append(f"invalid settings: {err['msg'].removeprefix('Value error, ')}")
                continue
            env_name = ENV_PREFIX + ".".join(str(p) for p in err["loc"]).upper()
            problems.append(f"invalid setting {env_name}: {err['msg']}")
        raise ConfigError("; ".join(problems)) from None
    except (OSError, ValueError) as exc:  # unreadable or malformed TOML
        raise ConfigError(f"cannot read configuration: {exc}") from None


def setting_variables() -> list[str]:
    """The environment variable of every setting."""
    return sorted(ENV_PREFIX + name.upper() for name in Settings.model_fields)


def unknown_setting_warnings(environ: Mapping[str, str] | None = None) -> list[str]:
    """One warning per INSPECTOR_* variable that names no setting, with the closest known name.

    Settings ignore unknown environment variables, so a misspelt one (INSPECTOR_FECTH) would
    silently leave its setting at the default. Names only: a value may be a secret.
    """
    environ = os.environ if environ is None else environ
    known = [*setting_variables(), *sorted(NON_SETTING_VARIABLES)]
    warnings = []
    for name in sorted(environ):
        variable = name.upper()  # settings read the environment case-insensitively
        if not variable.startswith(ENV_PREFIX) or variable in known:
            continue
        # Compared without the prefix every name shares, which would make any two look alike.
        closest = difflib.get_close_matches(variable.removeprefix(ENV_PREFIX),
                                            [k.removeprefix(ENV_PREFIX) for k in known], n=1, cutoff=0.7)
        hint = (f"; did you mean {ENV_PREFIX}{closest[0]}?" if closest
                else " (docs/configuration.md lists the settings)")
        warnings.append(f"{name} is not a setting and is ignored{hint}")
    return warnings
