"""The submit page: paste a script or a JSON document, give a URL, or upload a file.

A submission goes through the service's `InspectionRunner`, the API's own (admission, queue
limits, the background run, storage), waiting at most `console_wait_s` before redirecting to the
inspection's page, which shows progress until the verdict is stored. Input that cannot be
inspected at all comes back to the form with the reason, the pasted text kept.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from inspector.extensions import detect_input, understand
from inspector.extensions.request import InputError, InputKind, InspectionInput
from inspector.model import SCRIPT_TYPES, ArtifactType
from inspector.service.inspection_runner import Submission
from inspector.service.json_body import parse_json
from inspector.service.problems import ProblemError
from inspector.ui.console import CONSOLE, FORM_OVERHEAD_BYTES, PREFIX, Console, SignedIn
from inspector.unpack.filetype import detect_type

LANGUAGES = tuple(sorted(t.value for t in SCRIPT_TYPES))
JSON_KINDS = ("extension", "run_command", "activity_log")
_MAX_NAME_CHARS = 1024
_MAX_URL_CHARS = 8192
# Large inputs are parsed and typed off the event loop so other pages stay responsive.
_OFFLOAD_BYTES = 256 * 1024


class FormProblem(Exception):
    """The form cannot be turned into an inspection input; the message is shown on the form."""


@dataclass
class FormState:
    """What to show back on the submit page after a refused submission."""

    form: str = ""
    values: dict[str, str] = field(default_factory=dict)
    error: str | None = None


def _text(form: Any, name: str, limit: int | None = None) -> str:
    value = form.get(name)
    if not isinstance(value, str):
        return ""
    return value if limit is None else value[:limit]


async def _off_loop(fn: Any, size: int) -> Any:
    return await asyncio.to_thread(fn) if size > _OFFLOAD_BYTES else fn()


def script_input(form: Any) -> tuple[InspectionInput, str | None]:
    content = _text(form, "content")
    if not content.strip():
        raise FormProblem("Paste a script to inspect.")
    # Browsers send textarea line breaks as CRLF whatever was pasted; keep the analyst's LF.
    data = content.replace("\r\n", "\n").encode("utf-8")
    filename = _text(form, "filename", _MAX_NAME_CHARS).strip() or None
    choice = _text(form, "language") or "auto"
    if choice == "auto":
        detected = detect_type(data, name_hint=filename)
        language = detected if detected in SCRIPT_TYPES else None
    elif choice in LANGUAGES:
        language = ArtifactType(choice)
    else:
        raise FormProblem(f"Unknown language {choice[:40]!r}.")
    return InspectionInput(kind=InputKind.SCRIPT, content=data, language=language, filename=filename), filename


def json_input(form: Any, console: Console) -> tuple[InspectionInput, str | None]:
    document = _text(form, "document")
    if not document.strip():
        raise FormProblem("Paste an extension, Run Command or activity-log JSON document.")
    raw = document.encode("utf-8")
    choice = _text(form, "kind") or "auto"
    try:
        if choice == "auto":
            return detect_input(raw, filename=None), None
        if choice not in JSON_KINDS:
            raise FormProblem(f"Unknown document kind {choice[:40]!r}.")
        body = parse_json(raw, console.service.json_limits)
    except ProblemError as exc:
        raise FormProblem(f"The JSON could not be read: {exc.detail}") from None
    except InputError as exc:
        raise FormProblem(f"The document could not be read ({exc.kind}): {exc.detail}") from None
    if not isinstance(body, dict):
        raise FormProblem("The document must be a JSON object.")
    return InspectionInput(kind=InputKind(choice), body=body), None


def url_input(form: Any) -> tuple[InspectionInput, str | None]:
    url = _text(form, "url").strip()
    if not url:
        raise FormProblem("Give a URL to inspect.")
    if len(url) > _MAX_URL_CHARS:
        raise FormProblem(f"The URL is longer than {_MAX_URL_CHARS} characters.")
    return InspectionInput(kind=InputKind.URL, url=url), None


def file_input(form: Any, max_bytes: int) -> tuple[InspectionInput, str | None]:
    upload = form.get("file")
    if upload is None or isinstance(upload, str) or not getattr(upload, "filename", None):
        raise FormProblem("Choose a file to upload.")
    handle = upload.file
    data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise FormProblem(f"The file is larger than the limit of {max_bytes} bytes.")
    if not data:
        raise FormProblem("The file is empty.")
    filename = str(upload.filename)[:_MAX_NAME_CHARS]
    try:
        return detect_input(data, filename=filename), filename
    except InputError as exc:
        raise FormProblem(f"The file could not be read ({exc.kind}): {exc.detail}") from None


async def submit_page(request: web.Request) -> web.Response:
    console = request.app[CONSOLE]
    signed = await console.require(request)
    return await _render_form(request, console, signed, FormState(), status=200)


async def _render_form(request: web.Request, console: Console, signed: SignedIn, state: FormState,
                       status: int) -> web.Response:
    return await console.render(
        request, "submit.html", status=status, signed=signed, state=state, languages=LANGUAGES,
        json_kinds=JSON_KINDS, fetching=console.service.inspector.fetching,
        max_input_bytes=console.service.settings.max_input_bytes, heavy=len(state.values.get("content", "")),
    )


def _understandable(inp: InspectionInput) -> None:
    try:
        understand(inp)
    except InputError as exc:
        raise FormProblem(f"This input cannot be inspected ({exc.kind}): {exc.detail}") from None


def _kind_of(inp: InspectionInput) -> str:
    return inp.kind.value if inp.kind != InputKind.AUTO else "file"


async def submit(request: web.Request) -> web.Response:
    console = request.app[CONSOLE]
    which = request.match_info["form"]
    settings = console.service.settings
    # Pasted text is bounded like an API request body; uploads like any input.
    limit = settings.max_input_bytes if which == "file" else settings.api_max_body_bytes
    signed, form = await console.require_post(request, limit + FORM_OVERHEAD_BYTES)
    state = FormState(form=which, values={k: _text(form, k) for k in ("content", "language", "filename", "document",
                                                                       "kind", "url")})
    fetch = _text(form, "fetch") == "on"
    state.values["fetch"] = "on" if fetch else ""
    try:
        if which == "script":
            inp, name = await _off_loop(lambda: script_input(form), len(state.values["content"]))
        elif which == "json":
            inp, name = await _off_loop(lambda: json_input(form, console), len(state.values["document"]))
        elif which == "url":
            inp, name = url_input(form)
        else:
            inp, name = await asyncio.to_thread(file_input, form, settings.max_input_bytes)
        # Understanding the request is static and quick: doing it here first turns an input the
        # pipeline would refuse (a non-http URL, an unreadable document) into a message on the form.
        await asyncio.to_thread(_understandable, inp)
    except FormProblem as exc:
        state.error = str(exc)
        return await _render_form(request, console, signed, state, status=422)
    submission = Submission(kind=_kind_of(inp), key_id=signed.key.id, input_name=name, fetch=fetch)
    try:
        outcome = await console.service.runner.run(inp, submission, settings.console_wait_s)
    except ProblemError as exc:
        state.error = f"{exc.kind.title}: {exc.detail}"
        response = await _render_form(request, console, signed, state, status=exc.kind.status)
        retry = (exc.headers or {}).get("Retry-After")
        if retry:
            response.headers["Retry-After"] = retry
        return response
    return web.Response(status=303, headers={"Location": f"{PREFIX}/inspections/{outcome.inspection_id}"})


def add_routes(app: web.Application) -> None:
    app.router.add_get(f"{PREFIX}/", submit_page, allow_head=False)
    app.router.add_post(f"{PREFIX}/submit/{{form:script|json|url|file}}", submit)
