"""Unpacking: archives and compressed streams become child artifacts.

`UNPACKERS` lists the per-artifact stages the pipeline runs first on every artifact.
"""

from __future__ import annotations

from inspector.analyzers.base import Analyzer

UNPACKERS: tuple[Analyzer, ...] = ()
