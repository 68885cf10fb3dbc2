"""Where rule folders are: the built-in pack (repo `signatures/` or the wheel copy) plus operators';
and the active ruleset, compiled from them."""

from __future__ import annotations

from pathlib import Path

from inspector.config import Settings
from inspector.rules.ruleset import Ruleset, compile_ruleset
from inspector.sigma import compile_sigma

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def builtin_signature_dir() -> Path:
    """The shipped rule pack: `inspector/_signatures` in a wheel, `signatures/` in a checkout."""
    wheel_copy = _PACKAGE_DIR / "_signatures"
    if wheel_copy.is_dir():
        return wheel_copy
    return _PACKAGE_DIR.parent / "signatures"


def signature_dirs(settings: Settings) -> list[Path]:
    dirs = [builtin_signature_dir()] if settings.include_builtin_signatures else []
    return dirs + list(settings.signature_dirs)


def load_ruleset(settings: Settings) -> Ruleset:
    """Every rule folder the settings name, compiled (a failing file is reported and left out):
    the YARA folders and the Sigma folders, versioned together."""
    sigma = compile_sigma(settings.sigma_dirs, cache_dir=settings.data_dir if settings.sigma_cache else None)
    return compile_ruleset(signature_dirs(settings)).with_sigma(sigma)
