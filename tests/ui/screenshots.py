"""Take the console screenshots in docs/screenshots/ (run once after a visible change):

    .venv/bin/python -m tests.ui.screenshots

Starts `inspector serve` in a temporary folder with fetching off, signs in, and captures the
submit page and the verdict page of a malicious Custom Script Extension request.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from tests.ui import samples
from tests.ui.browser import chromium, console_server, sign_in, wait_for_verdict

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as data_dir, console_server(Path(data_dir)) as server, chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)  # type: ignore[attr-defined]
        page = context.new_page()
        sign_in(page, server)
        document = json.loads(samples.EXTENSION)
        # A real key would be redacted everywhere but in the analyst's own text box: leave it out.
        del document["properties"]["protectedSettings"]["storageAccountKey"]
        page.get_by_label("JSON document").fill(json.dumps(document, indent=2))
        page.get_by_label("Kind of document").select_option("extension")
        page.screenshot(path=str(OUT / "submit.png"), full_page=True)
        page.get_by_role("button", name="Inspect document").click()
        wait_for_verdict(page)
        root = page.locator("ul.tree.root > li > details").first
        root.locator("summary").first.click()
        root.locator("details summary", has_text="decoded:encoded-command").first.click()
        page.screenshot(path=str(OUT / "verdict.png"), full_page=True)
        context.close()
    print(f"wrote {OUT / 'submit.png'} and {OUT / 'verdict.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
