"""The console end to end in headless Chromium: every input kind, the evidence, history, safety."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.ui import samples
from tests.ui.browser import (
    CHROMIUM,
    SKIP_REASON,
    TIMEOUT_MS,
    ConsoleServer,
    chromium,
    console_server,
    sign_in,
    wait_for_verdict,
    watch,
)

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not CHROMIUM.exists(), reason=SKIP_REASON)]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ConsoleServer]:
    with console_server(tmp_path_factory.mktemp("console")) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    context.set_default_timeout(TIMEOUT_MS)
    pg = context.new_page()
    try:
        yield pg
    finally:
        context.close()


def submit_json(page, document: str, kind: str) -> str:  # type: ignore[no-untyped-def]
    page.goto(page.url.split("/ui/")[0] + "/ui/")
    page.get_by_label("JSON document").fill(document)
    page.get_by_label("Kind of document").select_option(kind)
    page.get_by_role("button", name="Inspect document").click()
    return wait_for_verdict(page)


def test_an_analyst_submits_every_kind_reads_the_evidence_and_finds_it_again(page, server) -> None:  # type: ignore[no-untyped-def]
    seen = watch(page)
    sign_in(page, server)

    # A script: language chosen; the tree starts open down to the decoded layer with the evidence.
    page.get_by_label("Script text").fill(samples.SCRIPT)
    page.get_by_label("Language").select_option("powershell")
    page.get_by_label("File name (optional)").fill("launcher.ps1")
    page.get_by_role("button", name="Inspect script").click()
    assert wait_for_verdict(page) == "malicious"
    script_url = page.url
    assert page.get_by_role("link", name="T1059.001").first.get_attribute("href") == \
        "https://attack.mitre.org/techniques/T1059/001/"
    root = page.locator("ul.tree.root > li > details").first
    layer = root.locator("details", has=page.locator("summary", has_text="decoded:encoded-command")).first
    assert root.get_attribute("open") is not None and layer.get_attribute("open") is not None
    mark = layer.locator("pre.code mark", has_text="Invoke-Mimikatz").first
    assert mark.is_visible()
    chain = layer.locator("ol.chain").first.inner_text()
    assert chain.index("launcher.ps1") < chain.index("decoded:encoded-command")

    # An extension, a Run Command and an activity-log export.
    assert submit_json(page, samples.EXTENSION, "extension") == "malicious"
    assert page.get_by_text("VM_CustomScriptExtensionSuspiciousCmd").first.is_visible()
    assert samples.STORAGE_KEY not in page.content()
    assert submit_json(page, samples.RUN_COMMAND, "run_command") == "malicious"
    assert submit_json(page, samples.ACTIVITY_LOG, "activity_log") in ("suspicious", "malicious")

    # A URL, not fetched (fetching is off), and the fetch log says so.
    page.goto(server.url + "/ui/")
    page.get_by_label("URL of a script or package").fill(samples.URL)
    page.get_by_role("button", name="Inspect URL").click()
    wait_for_verdict(page)
    assert "fetch_disabled" in page.locator("table.fetches").inner_text()

    # A file upload keeps its name.
    page.goto(server.url + "/ui/")
    page.get_by_label(re.compile("^File \\(")).set_input_files(
        {"name": samples.FILE_NAME, "mimeType": "application/octet-stream", "buffer": samples.FILE})
    page.get_by_role("button", name="Inspect file").click()
    assert wait_for_verdict(page) in ("suspicious", "malicious")
    assert samples.FILE_NAME in page.locator("dl.facts").last.inner_text() or samples.FILE_NAME in page.content()

    # History: search by file name, open the inspection again from the list.
    page.get_by_role("link", name="History").click()
    page.get_by_label("Search", exact=True).fill("launcher")
    page.get_by_role("button", name="Apply").click()
    rows = page.locator("table.history tbody tr")
    assert rows.count() == 1
    rows.first.get_by_role("link").click()
    page.wait_for_url(script_url)
    assert page.locator(".verdict-word").inner_text().strip().lower() == "malicious"

    # Sign out: the console is closed again.
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(re.compile(r".*/ui/login\?signed_out=1$"))
    page.goto(server.url + "/ui/inspections")
    assert "/ui/login" in page.url
    assert seen.dialogs == [] and seen.errors == []


def test_the_submit_form_works_from_the_keyboard_alone(page, server) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, server)  # typed and submitted with Enter
    page.keyboard.press("Tab")  # skip link
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    for _ in range(30):  # tab forward to the script text box
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "script-content":
            break
    assert page.evaluate("document.activeElement.id") == "script-content"
    page.keyboard.type("Invoke-Mimikatz -DumpCreds")
    for _ in range(8):  # on to the submit button of this form
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Inspect script":
            break
    page.keyboard.press("Enter")
    assert wait_for_verdict(page) == "malicious"
    # The flagged node starts open; the keyboard closes and opens it again.
    node = page.locator("ul.tree.root details").first
    assert node.get_attribute("open") is not None
    page.locator("ul.tree.root summary").first.focus()
    page.keyboard.press("Enter")
    assert node.get_attribute("open") is None
    page.keyboard.press("Enter")
    assert node.get_attribute("open") is not None


def test_payload_markup_and_template_syntax_never_run(page, server) -> None:  # type: ignore[no-untyped-def]
    seen = watch(page)
    sign_in(page, server)
    page.get_by_label("Script text").fill(samples.XSS_SCRIPT)
    page.get_by_label("File name (optional)").fill(samples.XSS_FILE_NAME)
    page.get_by_role("button", name="Inspect script").click()
    wait_for_verdict(page)
    page.get_by_role("button", name="Open all").click()
    shown = page.locator("ul.tree.root pre.code").first.inner_text()
    lines = [re.sub(r"^\d+", "", line) for line in shown.split("\n")]
    for expected in samples.XSS_SCRIPT.strip("\n").split("\n"):
        assert expected in lines, f"{expected!r} is shown verbatim"
    assert samples.XSS_FILE_NAME in page.locator("dl.facts").last.inner_text()
    assert page.locator("img, svg, iframe, style").count() == 0
    assert page.evaluate("document.body.innerText").count("49") == 0 or "{{7*7}}" in shown

    page.goto(server.url + "/ui/")
    page.get_by_label("URL of a script or package").fill(samples.XSS_URL)
    page.get_by_role("button", name="Inspect URL").click()
    wait_for_verdict(page)
    assert samples.XSS_URL in page.locator("table.fetches").inner_text()
    assert page.locator("a[href^='javascript:']").count() == 0

    # A javascript: URL is refused on the form, the reason and the text shown as typed.
    page.goto(server.url + "/ui/")
    page.get_by_label("URL of a script or package").fill(samples.JAVASCRIPT_URL)
    page.get_by_role("button", name="Inspect URL").click()
    page.wait_for_url(server.url + "/ui/submit/url")
    assert samples.JAVASCRIPT_URL in page.get_by_role("alert").inner_text()
    assert page.get_by_label("URL of a script or package").input_value() == samples.JAVASCRIPT_URL

    page.goto(server.url + "/ui/inspections?q=" + "%3Cscript%3Ealert(%27q%27)%3C%2Fscript%3E")
    assert page.get_by_label("Search", exact=True).input_value() == "<script>alert('q')</script>"
    assert seen.dialogs == [], "no injected script ran"
    refused_form = "Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)"
    assert [e for e in seen.errors if e != refused_form] == [], "no console error from injected code or CSP"


def test_the_pages_pass_a_basic_accessibility_check(page, server) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, server)
    page.get_by_label("Script text").fill(samples.SCRIPT)
    page.get_by_label("Language").select_option("powershell")
    page.get_by_role("button", name="Inspect script").click()
    wait_for_verdict(page)
    verdict_url = page.url
    for url in (server.url + "/ui/", verdict_url, server.url + "/ui/inspections"):
        page.goto(url)
        page.get_by_role("button", name="Open all").click() if "inspections/" in url else None
        report = page.evaluate(A11Y_CHECK)
        assert report["unlabelled"] == [], url
        assert report["heading_jumps"] == [] and report["h1"] == 1, url
        assert report["low_contrast"] == [], url
    page.goto(server.url + "/ui/login?next=/ui/")
    page.context.clear_cookies()
    page.goto(server.url + "/ui/login")
    report = page.evaluate(A11Y_CHECK)
    assert report["unlabelled"] == [] and report["low_contrast"] == [] and report["h1"] == 1


# Labels on every form control, headings without skipped levels, and WCAG AA text contrast
# (4.5:1, 3:1 for large text) computed from the rendered colours.
A11Y_CHECK = """() => {
  const controls = [...document.querySelectorAll('input:not([type=hidden]), select, textarea')];
  const unlabelled = controls.filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
    .map(el => el.outerHTML.slice(0, 80));
  const levels = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1]);
  const heading_jumps = [];
  levels.forEach((l, i) => { if (i && l > levels[i - 1] + 1) heading_jumps.push(levels.slice(0, i + 1).join(',')); });
  const rgb = s => { const m = s.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const background = el => { for (let e = el; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);
    if (c.a > 0.5) return c; } return {r: 255, g: 255, b: 255, a: 1}; };
  const low_contrast = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const checked = new Set();
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.trim() || checked.has(el)) continue;
    checked.add(el);
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0 || el.closest('.sr-only')) continue;
    if (el.closest('.skip') && box.left < 0) continue;
    const fg = lum(rgb(style.color)), bg = lum(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.6 && +style.fontWeight >= 700);
    if (ratio < (large ? 3 : 4.5)) low_contrast.push(el.tagName + ' ' + ratio.toFixed(2) + ' ' + el.textContent.slice(0, 40));
  }
  return {unlabelled, heading_jumps, low_contrast, h1: document.querySelectorAll('h1').length};
}"""
