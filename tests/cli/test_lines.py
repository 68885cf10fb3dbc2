"""Machine-readable output is written one whole line at a time, with Ctrl-C held off meanwhile."""

from __future__ import annotations

import signal
import sys

import click
import pytest
from click.testing import CliRunner

from inspector.cli.lines import echo_line


def test_a_line_is_written_whole_with_its_newline_and_the_signal_mask_is_given_back() -> None:
    seen_blocked: list[bool] = []

    @click.command()
    def emit() -> None:
        before = signal.pthread_sigmask(signal.SIG_BLOCK, set())
        echo_line('{"input": "a"}')
        echo_line('{"input": "b"}')
        seen_blocked.append(signal.pthread_sigmask(signal.SIG_BLOCK, set()) == before)

    result = CliRunner().invoke(emit)
    assert result.exit_code == 0
    assert result.output == '{"input": "a"}\n{"input": "b"}\n'
    assert seen_blocked == [True]


class _InterruptedWhileWriting:
    """Standard output whose write is interrupted: a SIGINT comes in the middle of it."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> int:
        signal.raise_signal(signal.SIGINT)
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass


def test_ctrl_c_during_a_line_is_raised_after_the_whole_line(monkeypatch: pytest.MonkeyPatch) -> None:
    out = _InterruptedWhileWriting()
    monkeypatch.setattr(sys, "stdout", out)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            echo_line('{"input": "a"}')
    finally:
        signal.signal(signal.SIGINT, previous)
    assert out.text == '{"input": "a"}\n'
