"""Headless Chromium (Debian's package) driven by Playwright, against `inspector serve` on loopback.

Nothing is downloaded: Playwright launches /usr/bin/chromium with networking features that
would phone home turned off, and the service runs with fetching off in a temporary folder.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.api.server import create_key, serve_process
from tests.timing import GIVE_UP_S

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SKIP_REASON = "Debian's chromium is not installed at /usr/bin/chromium (scripts/test.sh installs it)"
# Every wait in the browser tests (for a page, an element, the browser itself) gives up after this
# (milliseconds): tests/timing.py's bound, which a loaded machine does not reach.
TIMEOUT_MS = int(GIVE_UP_S * 1000)


@dataclass
class ConsoleServer:
    url: str
    keys: dict[str, str] = field(default_factory=dict)


@contextmanager
def console_server(data_dir: Path) -> Iterator[ConsoleServer]:
    """`inspector serve` with fetching off, plus one key per role made with `inspector keys create`.

    Submissions do not wait for their verdict (console_wait_s=0): every one goes through the
    progress page, whose script polls until the verdict is stored and then shows it.
    """
    with serve_process(data_dir, INSPECTOR_CONSOLE_WAIT_S="0") as served:
        server = ConsoleServer(served.url)
        for role in ("analyst", "detector"):
            server.keys[role] = create_key(data_dir, role)
        yield server


@contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True,
                                     timeout=TIMEOUT_MS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Watch:
    """Dialogs and console errors a page produced: injected code would show up here."""

    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def watch(page: object) -> Watch:
    seen = Watch()

    def on_dialog(dialog: object) -> None:
        seen.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    page.on("dialog", on_dialog)  # type: ignore[attr-defined]
    page.on("console", lambda msg: seen.errors.append(msg.text) if msg.type == "error" else None)  # type: ignore[attr-defined]
    page.on("pageerror", lambda exc: seen.errors.append(str(exc)))  # type: ignore[attr-defined]
    return seen


def sign_in(page: object, server: ConsoleServer, role: str = "analyst") -> None:
    """Sign in from the keyboard alone: the key field has focus, Enter submits."""
    page.goto(server.url + "/ui/")  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r".*/ui/login.*"))  # type: ignore[attr-defined]
    # Typing before autofocus has landed would lose keys: wait until the key field has focus.
    page.wait_for_function("document.activeElement && document.activeElement.id === 'api_key'",  # type: ignore[attr-defined]
                           timeout=TIMEOUT_MS)
    page.keyboard.type(server.keys[role])  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    page.wait_for_url(server.url + "/ui/")  # type: ignore[attr-defined]


def wait_for_verdict(page: object) -> str:
    """Wait on an inspection page until its verdict banner shows; returns the verdict word."""
    page.wait_for_url(re.compile(r".*/ui/inspections/[0-9a-f]{32}$"))  # type: ignore[attr-defined]
    banner = page.locator(".verdict-word")  # type: ignore[attr-defined]
    banner.wait_for(timeout=TIMEOUT_MS)
    return str(banner.inner_text()).strip().lower()
