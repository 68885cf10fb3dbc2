"""Unpacking: archives and compressed streams become child artifacts.

`UNPACKERS` lists the per-artifact stages the pipeline runs first on every artifact.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from inspector.stage import Analyzer
from inspector.unpack.archives import ArchiveLimits, SevenZipUnpacker, TarUnpacker, ZipUnpacker
from inspector.unpack.compressed import CompressedStreamUnpacker

if TYPE_CHECKING:
    from inspector.config import Settings


def build_unpackers(settings: Settings | None = None) -> tuple[Analyzer, ...]:
    """The unpackers with their limits from Settings (defaults without)."""
    limits = ArchiveLimits.from_settings(settings) if settings is not None else ArchiveLimits()
    return (
        ZipUnpacker(limits),
        TarUnpacker(limits),
        SevenZipUnpacker(limits),
        CompressedStreamUnpacker(limits),
    )


UNPACKERS: tuple[Analyzer, ...] = build_unpackers()
