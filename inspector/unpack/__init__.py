"""Unpacking: archives and compressed streams become child artifacts.

`UNPACKERS` lists the per-artifact stages the pipeline runs first on every artifact.
"""

from __future__ import annotations

from inspector.analyzers.base import Analyzer
from inspector.unpack.archives import SevenZipUnpacker, TarUnpacker, ZipUnpacker
from inspector.unpack.compressed import CompressedStreamUnpacker

UNPACKERS: tuple[Analyzer, ...] = (
    ZipUnpacker(),
    TarUnpacker(),
    SevenZipUnpacker(),
    CompressedStreamUnpacker(),
)
