"""Sigma rules written for the tests (SigmaHQ's own rules are read from ../shared/sigma, never copied)."""

from __future__ import annotations

import uuid
from pathlib import Path

from inspector.sigma import SigmaRules, compile_sigma

REPO_ROOT = Path(__file__).resolve().parents[2]
# `../shared/sigma` beside the checkout (a worktree one folder deeper looks one level further up).
SHARED_SIGMA = next((folder / "shared" / "sigma" for folder in REPO_ROOT.parents[:2]
                     if (folder / "shared" / "sigma").is_dir()), REPO_ROOT.parent / "shared" / "sigma")


def rule_yaml(detection: str, *, category: str = "process_creation", product: str = "windows",
              level: str = "high", rule_id: str | None = None, title: str = "test rule") -> str:
    body = "\n".join("  " + line for line in detection.strip("\n").splitlines())
    return f"""title: {title}
id: {rule_id or uuid.uuid4()}
status: test
description: a rule written for a test
author: Test Author
references:
  - https://example.test/reference
logsource:
  category: {category}
  product: {product}
detection:
{body}
level: {level}
tags:
  - attack.execution
  - attack.t1059.001
"""


def compile_rules(folder: Path, **rules: str) -> SigmaRules:
    """Write each `name=yaml` into `folder` and compile the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in rules.items():
        (folder / f"{name}.yml").write_text(text)
    return compile_sigma([folder])
