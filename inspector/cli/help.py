"""Command lists in `--help` that show each command's summary whole.

Click cuts a summary to fit one line of the list (`Database schema (SQLite by default,
PostgreSQL with...`); these groups let the list wrap it instead.
"""

from __future__ import annotations

import inspect

import click


def command_summary(command: click.Command) -> str:
    """The command's `short_help`, or else the first paragraph of its help, whole."""
    if command.short_help:
        return inspect.cleandoc(command.short_help)
    first_paragraph = inspect.cleandoc(command.help or "").split("\n\n", 1)[0]
    return " ".join(first_paragraph.split())


class WholeSummaryGroup(click.Group):
    """A group whose command list shows every summary whole, wrapped to the terminal."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command_summary(command)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)
