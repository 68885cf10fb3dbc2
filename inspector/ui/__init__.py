"""The analyst web console served by `inspector serve` under /ui/ (docs/console.md)."""

from inspector.ui.console import setup_console

__all__ = ["setup_console"]
