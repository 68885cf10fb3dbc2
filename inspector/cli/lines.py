"""Machine-readable output, one whole line at a time.

A Ctrl-C that interrupts the write of a line to a pipe can leave a torn JSON document behind
(Python's buffered writer gives up part of its buffer when the write system call is
interrupted). Each line is therefore written and flushed with SIGINT blocked in this thread:
the interrupt is raised between lines, never inside one, and a reader of JSON Lines never
gets half a document.
"""

from __future__ import annotations

import signal
import sys

import click


def echo_line(line: str) -> None:
    """Write `line` and a newline to standard output, whole, and flush it."""
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        click.echo(line)
        sys.stdout.flush()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
