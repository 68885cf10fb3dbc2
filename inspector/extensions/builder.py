"""Collects what one request asks to run while its handlers read it, within the limits."""

from __future__ import annotations

from urllib.parse import urlsplit

from inspector.extensions.fields import Field, Key
from inspector.extensions.limits import RequestLimits
from inspector.extensions.plan import PlannedScript, PlannedUrl, PlanProblem, RequestContext, ScriptRole, UrlRole
from inspector.model import ArtifactType, ErrorKind, Finding
from inspector.redact import REDACTED, redact_text, redact_url
from inspector.stage import Heuristic

_FETCHABLE_SCHEMES = frozenset({"http", "https"})


class PlanBuilder:
    """Scripts, URLs, findings and problems of one plan, plus what the redacted copy must hide.

    `prefix` is prepended to every origin: an activity-log event sets it to the path of the
    request body it carries (`requestbody.`), so origins stay unambiguous.
    """

    def __init__(self, limits: RequestLimits, context: RequestContext | None = None) -> None:
        self.limits = limits
        self.context = context.model_copy() if context is not None else RequestContext()
        self.scripts: list[PlannedScript] = []
        self.urls: list[PlannedUrl] = []
        self.findings: list[Finding] = []
        self.problems: list[PlanProblem] = []
        self.entry_point: str | None = None
        self.prefix = ""
        self.hidden: list[tuple[Key, ...]] = []
        self._full = False
        self._strings_examined = 0

    # --- origins and limits

    def origin(self, origin: str) -> str:
        return self.prefix + origin

    def _room(self) -> bool:
        if not self.full:
            return True
        self.report_full()
        return False

    def report_full(self) -> None:
        if not self._full:
            self._full = True
            self.problem(ErrorKind.TOO_MANY_ITEMS, f"more than {self.limits.max_plan_items} scripts and URLs: the rest is ignored")

    @property
    def full(self) -> bool:
        return len(self.scripts) + len(self.urls) >= self.limits.max_plan_items

    def examine_string(self) -> bool:
        """Count one string of unknown meaning; False once the request's budget is spent."""
        self._strings_examined += 1
        if self._strings_examined == self.limits.max_request_strings + 1:
            self.problem(ErrorKind.TOO_MANY_STRINGS,
                         f"more than {self.limits.max_request_strings} strings of unknown meaning: the rest is not examined")
        return self._strings_examined <= self.limits.max_request_strings

    # --- what the request runs

    def add_script(
        self,
        origin: str,
        role: ScriptRole,
        content: bytes | str,
        *,
        language: ArtifactType | None = None,
        filename: str | None = None,
        layers: list[str] | None = None,
        line_origins: list[str] | None = None,
    ) -> None:
        data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
        if not data.strip() or not self._room():
            return
        self.scripts.append(
            PlannedScript(
                origin=self.origin(origin),
                role=role,
                content=data,
                language=language,
                filename=filename,
                layers=layers or [],
                line_origins=[self.origin(o) for o in line_origins or []],
            )
        )

    def add_url(
        self,
        origin: str,
        role: UrlRole,
        url: str,
        *,
        redacted: str | None = None,
        language: ArtifactType | None = None,
        member: str | None = None,
    ) -> PlannedUrl | None:
        """Plan an http(s) URL; anything else is a problem (never fetched), reported redacted."""
        url = url.strip()
        if not url:
            return None
        try:
            parts = urlsplit(url)
            fetchable = parts.scheme.casefold() in _FETCHABLE_SCHEMES and bool(parts.hostname)
        except ValueError:
            fetchable = False
        if not fetchable:
            self.problem(ErrorKind.INVALID_URL, f"not an http(s) URL: {redact_url(url)[:200]}", origin)
            return None
        if not self._room():
            return None
        planned = PlannedUrl(
            origin=self.origin(origin),
            role=role,
            url=url,
            redacted=redacted if redacted is not None else redact_url(url),
            language=language,
            member=member,
        )
        self.urls.append(planned)
        return planned

    def set_entry_point(self, origin: str) -> None:
        if self.entry_point is None:
            self.entry_point = self.origin(origin)

    # --- what the request says by its shape

    def flag(self, check: Heuristic, snippet: str | None = None) -> None:
        """Record a structural check once per request (declared with `kind.request_check`)."""
        if all(f.id != check.id for f in self.findings):
            self.findings.append(check.request_finding(snippet))

    def problem(self, kind: ErrorKind, detail: str, origin: str | None = None, *, hides_payload: bool = False) -> None:
        self.problems.append(
            PlanProblem(kind=kind, detail=redact_text(detail)[:500], origin=self.origin(origin) if origin else None,
                        hides_payload=hides_payload)
        )

    def wrong_type(self, field: Field, expected: str) -> None:
        self.problem(ErrorKind.WRONG_TYPE, f"{field.origin} should be {expected}, got {_json_type(field.value)}", field.origin)

    def hide(self, field: Field) -> None:
        """The value at this field must not appear in the redacted request at all."""
        self.hidden.append(field.keys)

    def take_hidden(self) -> list[tuple[Key, ...]]:
        hidden, self.hidden = self.hidden, []
        return hidden


def apply_hidden(redacted: object, hidden: list[tuple[Key, ...]]) -> object:
    """Replace the values at `hidden` key paths of an already redacted copy (missing paths ignored)."""
    for keys in hidden:
        if not keys:
            continue
        node = redacted
        for key in keys[:-1]:
            node = _step(node, key)
            if node is None:
                break
        else:
            last = keys[-1]
            if isinstance(node, dict) and last in node:
                node[last] = REDACTED
            elif isinstance(node, list) and isinstance(last, int) and 0 <= last < len(node):
                node[last] = REDACTED
    return redacted


def _step(node: object, key: Key) -> object:
    if isinstance(node, dict):
        return node.get(key)
    if isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
        return node[key]
    return None


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
