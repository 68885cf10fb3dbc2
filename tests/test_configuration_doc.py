"""docs/configuration.md lists every setting, and only settings."""

from __future__ import annotations

import re
from pathlib import Path

from inspector.config import ENV_PREFIX, Settings

DOC = Path(__file__).resolve().parents[1] / "docs" / "configuration.md"
ROW = re.compile(r"^\| `" + ENV_PREFIX + r"([A-Z0-9_]+)` \|", re.MULTILINE)


def test_every_setting_is_documented_and_every_documented_setting_exists():
    documented = [name.lower() for name in ROW.findall(DOC.read_text(encoding="utf-8"))]
    assert len(documented) == len(set(documented)), "a setting is listed twice"
    assert sorted(set(documented) - set(Settings.model_fields)) == [], "documented but not a setting"
    assert sorted(set(Settings.model_fields) - set(documented)) == [], "a setting missing from docs/configuration.md"


DEFAULT_CELL = re.compile(r"^\| `" + ENV_PREFIX + r"([A-Z0-9_]+)` \| `([^`|]*)`", re.MULTILINE)


def test_every_documented_number_and_switch_default_is_the_real_default():
    wrong = []
    for name, documented in DEFAULT_CELL.findall(DOC.read_text(encoding="utf-8")):
        default = Settings.model_fields[name.lower()].default
        if isinstance(default, bool):
            if documented.lower() != str(default).lower():
                wrong.append((name, documented, default))
        elif isinstance(default, int | float) and float(documented) != float(default):
            wrong.append((name, documented, default))
    assert wrong == []
