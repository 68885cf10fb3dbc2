"""Console pages that read: sign-in and sign-out, an inspection's verdict, history, payloads.

Every page that shows data requires a signed-in analyst or admin. Payload content comes
from the blob store and is shown as redacted text (see highlight.py); requests come from
the store's redacted copy; URLs from payloads are shown as text, never as links.
"""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from urllib.parse import quote

from aiohttp import web
from pydantic import ValidationError

from inspector.model import TEXT_TYPES, Artifact, Finding, Verdict, VerdictClass
from inspector.redact import redact_json, redact_text
from inspector.store import InspectionFilter, StoredInspection, StoreError
from inspector.ui.console import (
    CONSOLE,
    INSPECTION_ID,
    PREFIX,
    SHA256,
    SMALL_FORM_BYTES,
    Console,
    read_form,
    redirect,
    safe_next,
    same_origin,
)
from inspector.ui.highlight import hex_view, text_view
from inspector.ui.sessions import (
    CONSOLE_ROLES,
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    check_login_token,
    new_login_token,
)
from inspector.ui.tree import TreeNode, build_tree, walk

KINDS = ("extension", "run_command", "activity_log", "script", "url", "file")
_MAX_KEY_CHARS = 512
_MAX_SEARCH_CHARS = 2048
_OFFLOAD_BYTES = 64 * 1024


def _console(request: web.Request) -> Console:
    return request.app[CONSOLE]


def _not_found(console: Console, request: web.Request, signed: Any, what: str) -> Any:
    return console.render(request, "error.html", status=404, signed=signed, title="Not found", message=what)


# --------------------------------------------------------------------------- sign-in / sign-out


async def login_page(request: web.Request) -> web.Response:
    console = _console(request)
    if await console.signed_in(request) is not None:
        return redirect(safe_next(request.query.get("next")))
    return await _login_form(request, console, status=200, message=None,
                             signed_out=request.query.get("signed_out") == "1")


async def _login_form(request: web.Request, console: Console, *, status: int, message: str | None,
                      signed_out: bool = False) -> web.Response:
    token = new_login_token()
    response = await console.render(request, "login.html", status=status, login_token=token, error=message,
                                    next=safe_next(request.query.get("next")), signed_out=signed_out)
    console.set_cookie(request, response, LOGIN_CSRF_COOKIE, token, max_age=3600)
    return response


async def login(request: web.Request) -> web.Response:
    console = _console(request)
    if not same_origin(request):
        return await _login_form(request, console, status=403, message="The sign-in form was posted from another site.")
    form = await read_form(request, console.service.settings, SMALL_FORM_BYTES)
    token = form.get("login_token")
    if not check_login_token(request.cookies.get(LOGIN_CSRF_COOKIE), token if isinstance(token, str) else None):
        return await _login_form(request, console, status=403,
                                 message="The sign-in form expired. Please enter your key again.")
    secret = form.get("api_key")
    secret = secret.strip() if isinstance(secret, str) else ""
    key = await console.service.store.keys.authenticate(secret) if secret and len(secret) <= _MAX_KEY_CHARS else None
    if key is None or not key.active:
        return await _login_form(request, console, status=401, message="That API key is not valid.")
    if key.role not in CONSOLE_ROLES:
        return await _login_form(request, console, status=403,
                                 message=f"A {key.role} key cannot sign in to the console; use an analyst or admin key.")
    session = console.signer.new_session(key.id)
    next_path = form.get("next")
    response = redirect(safe_next(next_path if isinstance(next_path, str) else None))
    console.set_cookie(request, response, SESSION_COOKIE, console.signer.encode(session), int(console.signer.max_s))
    console.clear_cookie(request, response, LOGIN_CSRF_COOKIE)
    return response


async def logout(request: web.Request) -> web.Response:
    console = _console(request)
    await console.require_post(request)
    response = redirect(f"{PREFIX}/login?signed_out=1")
    console.clear_cookie(request, response, SESSION_COOKIE)
    return response


# --------------------------------------------------------------------------- one inspection


async def _request_of(console: Console, inspection_id: str) -> Any:
    """The stored (already redacted) request of an inspection, redacted again on the way out in
    case an older row predates structured redaction."""
    value = await console.service.store.console.inspection_request(inspection_id)
    return redact_json(value) if value is not None else None


async def _submitted_script(console: Console, verdict: Verdict) -> str | None:
    """A pasted script's text, as received (redacted, bounded): the stored request of a script
    holds only its name and size, the text itself is the submitted root artifact."""
    if verdict.request_kind != "script":
        return None
    root = next((a for a in verdict.artifacts if a.parent is None and a.role == "submitted"), None)
    if root is None:
        return None
    try:
        data = await console.service.store.console.payload_bytes(root.sha256)
    except (StoreError, ValueError, OSError):
        return None
    if data is None:
        return None
    limit = console.service.settings.console_max_content_chars
    text = data[: limit * 4].decode("utf-8", "replace")
    shown = redact_text(text[:limit])
    return shown if len(text) <= limit else shown + f"\n… (first {limit} characters of {root.size} bytes)"


async def _load(request: web.Request) -> tuple[Console, Any, StoredInspection | None, str]:
    console = _console(request)
    signed = await console.require(request)
    inspection_id = request.match_info["inspection_id"]
    stored = None
    if INSPECTION_ID.fullmatch(inspection_id, timeout=0.05):
        stored = await console.service.store.console.inspection(inspection_id)
    return console, signed, stored, inspection_id


async def _attach_content(console: Console, nodes: list[TreeNode], verdict: Verdict | None) -> int:
    """Load and render each node's content within the page budget; returns characters shown.

    Flagged artifacts get the budget first: they are what the analyst came to see.
    """
    settings = console.service.settings
    reader = console.service.store.console
    findings = verdict.findings if verdict is not None else []
    budget = settings.console_max_page_chars
    ordered = sorted(walk(nodes), key=lambda n: (not n.findings, not n.flagged_below))
    shown = 0
    for node in ordered:
        artifact = node.artifact
        if budget <= 0:
            node.content_note = "Not shown here to keep this page small: open it on its own page."
            continue
        try:
            data = await reader.payload_bytes(artifact.sha256)
        except (StoreError, ValueError, OSError):
            data = None
        if data is None:
            node.content_note = "The content of this artifact is not in the blob store (never stored, or expired)."
            continue
        limit = min(settings.console_max_content_chars, budget)
        view = None
        if artifact.type in TEXT_TYPES:
            if len(data) > _OFFLOAD_BYTES:  # decoding, redaction and marking of big texts: off the loop
                view = await asyncio.to_thread(text_view, data, artifact, findings, limit)
            else:
                view = text_view(data, artifact, findings, limit)
        if view is not None:
            node.content = view
            used = sum(len(s.text) for line in view.lines for s in line.segments)
        else:
            node.content = hex_view(data, min(settings.console_hex_bytes, budget // 4))
            used = len(node.content.rows) * 80
        budget -= used
        shown += used
    return shown


async def inspection_page(request: web.Request) -> web.Response:
    console, signed, stored, inspection_id = await _load(request)
    if stored is None:
        return await _not_found(console, request, signed, f"There is no inspection {inspection_id}.")
    verdict = stored.verdict
    if stored.status != "done" or verdict is None:
        return await console.render(request, "progress.html", signed=signed, inspection=stored,
                                    elapsed=_elapsed(stored))
    nodes = build_tree(verdict)
    heavy = await _attach_content(console, nodes, verdict)
    origin_of = {a.sha256: a.origin for a in verdict.artifacts}
    return await console.render(
        request, "inspection.html", signed=signed, heavy=heavy, inspection=stored, verdict=verdict, nodes=nodes,
        origin_of=origin_of, request_json=_pretty(await _request_of(console, stored.id)),
        submitted_script=await _submitted_script(console, verdict),
        verdict_json=verdict.model_dump_json(indent=2), findings=_sorted_findings(verdict.findings),
    )


def _sorted_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: -f.score)


def _pretty(value: Any) -> str | None:
    return None if value is None else json.dumps(value, indent=2, ensure_ascii=False, sort_keys=False)


def _elapsed(stored: StoredInspection) -> float:
    return max(0.0, (datetime.now(UTC) - stored.created_at).total_seconds())


async def inspection_status(request: web.Request) -> web.Response:
    """A small JSON document the progress page polls."""
    console = _console(request)
    signed = await console.signed_in(request)
    if signed is None:
        return web.json_response({"error": "sign in again"}, status=401)
    inspection_id = request.match_info["inspection_id"]
    stored = None
    if INSPECTION_ID.fullmatch(inspection_id, timeout=0.05):
        stored = await console.service.store.console.inspection(inspection_id)
    if stored is None:
        return web.json_response({"error": "no such inspection"}, status=404)
    body: dict[str, Any] = {"id": stored.id, "status": stored.status, "elapsed_s": round(_elapsed(stored), 1),
                            "error": stored.error}
    if stored.verdict is not None:
        body["verdict"] = stored.verdict.verdict.value
    return web.json_response(body)


async def verdict_json(request: web.Request) -> web.Response:
    console, signed, stored, inspection_id = await _load(request)
    if stored is None or stored.verdict is None:
        return await _not_found(console, request, signed, f"There is no verdict for inspection {inspection_id} yet.")
    disposition = "inline" if request.query.get("view") == "1" else "attachment"
    return web.Response(body=stored.verdict.model_dump_json(indent=2).encode(), content_type="application/json",
                        headers={"Content-Disposition": f'{disposition}; filename="verdict-{stored.id}.json"'})


async def artifact_page(request: web.Request) -> web.Response:
    """One artifact of an inspection on its own page (for content beyond the verdict page's budget)."""
    console, signed, stored, inspection_id = await _load(request)
    sha256 = request.match_info["sha256"].lower()
    if stored is None or stored.verdict is None or not SHA256.fullmatch(sha256, timeout=0.05):
        return await _not_found(console, request, signed, "There is no such artifact in this inspection.")
    verdict = stored.verdict
    nodes = [n for n in walk(build_tree(verdict)) if n.artifact.sha256 == sha256]
    if not nodes:
        return await _not_found(console, request, signed, "There is no such artifact in this inspection.")
    node = nodes[0]
    node.children = []
    heavy = await _attach_content(console, [node], verdict)
    return await console.render(request, "artifact.html", signed=signed, heavy=heavy, inspection=stored,
                                verdict=verdict, node=node)


# --------------------------------------------------------------------------- history


def _parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def history_filter(query: Any) -> tuple[InspectionFilter, dict[str, str], list[str]]:
    """The store filter for the history page's query string, the values to show back, and problems."""
    problems: list[str] = []
    shown: dict[str, str] = {}
    values: dict[str, Any] = {}
    verdict = query.get("verdict", "")
    if verdict:
        if verdict in VerdictClass._value2member_map_:
            values["verdict"] = VerdictClass(verdict)
            shown["verdict"] = verdict
        else:
            problems.append("Unknown verdict filter ignored.")
    kind = query.get("kind", "")
    if kind:
        if kind in KINDS:
            values["kind"] = kind
            shown["kind"] = kind
        else:
            problems.append("Unknown kind filter ignored.")
    alert = query.get("alert_type", "")[:128]
    if alert:
        values["alert_type"] = alert
        shown["alert_type"] = alert
    since, until = _parse_day(query.get("since")), _parse_day(query.get("until"))
    if query.get("since") and since is None or query.get("until") and until is None:
        problems.append("Dates are written YYYY-MM-DD; an unreadable date was ignored.")
    if since:
        values["since"] = datetime.combine(since, time.min, tzinfo=UTC)
        shown["since"] = since.isoformat()
    if until:
        values["until"] = datetime.combine(until, time.min, tzinfo=UTC) + timedelta(days=1)
        shown["until"] = until.isoformat()
    search = query.get("q", "").strip()[:_MAX_SEARCH_CHARS]
    field = query.get("field", "auto")
    if search:
        shown["q"] = search
        shown["field"] = field
        if field == "auto":
            if SHA256.fullmatch(search, timeout=0.05):
                field = "sha256"
            elif "://" in search or search.startswith("www."):
                field = "url"
            else:
                field = "file_name"
        if field == "sha256":
            if SHA256.fullmatch(search, timeout=0.05):
                values["sha256"] = search.lower()
            else:
                problems.append("A sha256 is 64 hexadecimal digits.")
        elif field == "url":
            values["url"] = search
        elif field == "file_name":
            values["file_name"] = search
        else:
            problems.append("Unknown search field ignored.")
    try:
        return InspectionFilter(**values), shown, problems
    except ValidationError:
        return InspectionFilter(), shown, [*problems, "The filters could not be applied."]


async def history_page(request: web.Request) -> web.Response:
    console = _console(request)
    signed = await console.require(request)
    filt, shown, problems = history_filter(request.query)
    before = request.query.get("before")
    if before is not None and not INSPECTION_ID.fullmatch(before, timeout=0.05):
        before = None
    page_size = console.service.settings.console_page_size
    try:
        rows = await console.service.store.console.history(filt, limit=page_size + 1, before=before)
    except StoreError:
        rows = []
        problems.append("That page of results no longer exists; showing the newest instead.")
        rows = await console.service.store.console.history(filt, limit=page_size + 1)
    more = len(rows) > page_size
    rows = rows[:page_size]
    next_query = None
    if more and rows:
        next_query = "&".join(f"{k}={_q(v)}" for k, v in {**shown, "before": rows[-1].id}.items())
    return await console.render(request, "history.html", signed=signed, rows=rows, shown=shown, problems=problems,
                                kinds=KINDS, next_query=next_query, filtered=bool(shown))


def _q(value: str) -> str:
    return quote(value, safe="")


# --------------------------------------------------------------------------- payloads


async def payload_page(request: web.Request) -> web.Response:
    console = _console(request)
    signed = await console.require(request)
    sha256 = request.match_info["sha256"].lower()
    info = None
    if SHA256.fullmatch(sha256, timeout=0.05):
        info = await console.service.store.console.payload(sha256)
    if info is None:
        return await _not_found(console, request, signed, "No inspection has seen a payload with that sha256.")
    rows = await console.service.store.console.history(InspectionFilter(sha256=sha256), limit=200)
    node = TreeNode(artifact=Artifact(sha256=info.sha256, size=info.size, type=info.type, origin="payload"),
                    findings=[], chain=[])
    heavy = await _attach_content(console, [node], None) if info.blob_available else 0
    return await console.render(request, "payload.html", signed=signed, info=info, rows=rows, node=node,
                                heavy=heavy)


def add_routes(app: web.Application) -> None:
    app.router.add_get(f"{PREFIX}/login", login_page, allow_head=False)
    app.router.add_post(f"{PREFIX}/login", login)
    app.router.add_post(f"{PREFIX}/logout", logout)
    app.router.add_get(f"{PREFIX}/inspections", history_page, allow_head=False)
    app.router.add_get(f"{PREFIX}/inspections/{{inspection_id}}", inspection_page, allow_head=False)
    app.router.add_get(f"{PREFIX}/inspections/{{inspection_id}}/status", inspection_status, allow_head=False)
    app.router.add_get(f"{PREFIX}/inspections/{{inspection_id}}/verdict.json", verdict_json, allow_head=False)
    app.router.add_get(f"{PREFIX}/inspections/{{inspection_id}}/artifacts/{{sha256}}", artifact_page,
                       allow_head=False)
    app.router.add_get(f"{PREFIX}/payloads/{{sha256}}", payload_page, allow_head=False)
