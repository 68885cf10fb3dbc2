"""Run Command: the action body (POST .../runCommand) and managed runCommands resources.

The action's `script` is an array of lines: it is scanned as one script joined with "\n", and
`line_origins` says which element each line came from (`script[3]`). `commandId` is compared
ignoring case (offensive tools send `RunPowershellScript`). Some built-in commands are
suspicious by themselves; they carry no script.
"""

from __future__ import annotations

from inspector.extensions.builder import PlanBuilder
from inspector.extensions.fields import Field, as_text, is_present
from inspector.extensions.kind import KindAlerts, KindDeclaration, request_check
from inspector.extensions.plan import ExtensionKind, ScriptRole, UrlRole
from inspector.extensions.strings import collect_strings, language_from_name
from inspector.model import ArtifactType
from inspector.stage import Heuristic

# The kind names this module declares.
RUN_COMMAND = ExtensionKind("run_command")
MANAGED_RUN_COMMAND = ExtensionKind("managed_run_command")

_USAGE_ALERT = "VM_RunCommandSuspiciousUsage"
RUN_COMMAND_ENABLE_ADMIN = request_check(
    "structure.run_command.enable_admin_account",
    "Run Command enables the built-in Administrator",
    "The built-in EnableAdminAccount command turns on the local Administrator account.",
    250,
    ("T1098", "T1078.003"),
    alert=_USAGE_ALERT,
)
RUN_COMMAND_DISABLE_NLA = request_check(
    "structure.run_command.disable_nla",
    "Run Command disables RDP Network Level Authentication",
    "The built-in DisableNLA command lets RDP sessions start before authentication.",
    200,
    ("T1562", "T1021.001"),
    alert=_USAGE_ALERT,
)
RUN_COMMAND_ENABLE_REMOTE_PS = request_check(
    "structure.run_command.enable_remote_ps",
    "Run Command enables PowerShell remoting",
    "The built-in EnableRemotePS command opens WinRM for remote PowerShell.",
    150,
    ("T1021.006",),
    alert=_USAGE_ALERT,
)
RUN_COMMAND_SET_RDP_PORT = request_check(
    "structure.run_command.set_rdp_port",
    "Run Command changes the RDP port",
    "The built-in SetRDPPort command moves Remote Desktop to another port.",
    150,
    ("T1021.001",),
    alert=_USAGE_ALERT,
)
RUN_COMMAND_REMOVE_EXTENSION = request_check(
    "structure.run_command.remove_run_command_extension",
    "Run Command removes its own extension",
    "The built-in RemoveRunCommandWindowsExtension command deletes the Run Command extension and its "
    "logs from the VM (covering tracks).",
    200,
    ("T1070",),
    alert=_USAGE_ALERT,
)

_LANGUAGE_BY_COMMAND_ID = {
    "runpowershellscript": ArtifactType.POWERSHELL,
    "runshellscript": ArtifactType.SHELL,
}
_SUSPICIOUS_BUILT_INS: dict[str, Heuristic] = {
    "enableadminaccount": RUN_COMMAND_ENABLE_ADMIN,
    "disablenla": RUN_COMMAND_DISABLE_NLA,
    "enableremoteps": RUN_COMMAND_ENABLE_REMOTE_PS,
    "setrdpport": RUN_COMMAND_SET_RDP_PORT,
    "removeruncommandwindowsextension": RUN_COMMAND_REMOVE_EXTENSION,
}


def plan_run_command_action(root: Field, b: PlanBuilder) -> None:
    language = _command_id(root, b)
    for script in root.find_all("script"):
        plan_script_lines(b, script, language)
    _plan_parameters(root, b, language)


def plan_managed_run_command(props: Field, b: PlanBuilder) -> None:
    language: ArtifactType | None = None
    source = props.find("source")
    if source is not None and source.is_object():
        language = _command_id(source, b)
        shell = as_text(source.get("scriptShell"))
        if language is None and shell and "powershell" in shell.casefold():
            language = ArtifactType.POWERSHELL
        for script in source.find_all("script"):
            plan_script_lines(b, script, language)
        for uri in source.find_all("scriptUri"):
            url = as_text(uri.value)
            if url is None:
                if is_present(uri.value):
                    b.wrong_type(uri, "a URL string")
                continue
            if b.add_url(uri.origin, UrlRole.SCRIPT, url, language=language or language_from_name(url)):
                b.set_entry_point(uri.origin)
    elif source is not None and is_present(source.value):
        b.wrong_type(source, "an object with script, scriptUri or commandId")
    _plan_parameters(props, b, language)
    for name in ("outputBlobUri", "errorBlobUri"):
        for blob in props.find_all(name):
            url = as_text(blob.value)
            if url:
                b.add_url(blob.origin, UrlRole.OUTPUT_BLOB, url)
    _instance_view(props, b)


def plan_script_lines(b: PlanBuilder, field: Field, language: ArtifactType | None) -> None:
    """`script` as an array of lines (the API's shape) or, tolerated, one string."""
    value = field.value
    text = as_text(value)
    if text is not None:
        b.add_script(field.origin, ScriptRole.RUN_COMMAND_SCRIPT, text, language=language)
        return
    if not isinstance(value, list):
        if is_present(value):
            b.wrong_type(field, "an array of lines")
            collect_strings(b, field, language=language)
        return
    lines: list[str] = []
    origins: list[str] = []
    for item in field.items():
        line = as_text(item.value)
        if line is None:
            if is_present(item.value):
                b.wrong_type(item, "a string")
            line = ""  # keep the numbering: line i of the script is still script[i]
        lines.append(line)
        origins.extend([item.origin] * (line.count("\n") + 1))
    b.add_script(field.origin, ScriptRole.RUN_COMMAND_SCRIPT, "\n".join(lines), language=language, line_origins=origins)


def _command_id(root: Field, b: PlanBuilder) -> ArtifactType | None:
    field = root.find("commandId")
    if field is None:
        return None
    command_id = as_text(field.value)
    if command_id is None:
        if is_present(field.value):
            b.wrong_type(field, "a string")
        return None
    folded = command_id.strip().casefold()
    check = _SUSPICIOUS_BUILT_INS.get(folded)
    if check is not None:
        b.flag(check, f"commandId={command_id.strip()}")
    return _LANGUAGE_BY_COMMAND_ID.get(folded)


def _plan_parameters(root: Field, b: PlanBuilder, language: ArtifactType | None) -> None:
    """Parameter values can carry the payload itself (`iex $args[0]`): commands and URLs among
    them are planned. Protected values are scanned too; they never reach the redacted request."""
    for name in ("parameters", "protectedParameters"):
        for params in root.find_all(name):
            if isinstance(params.value, list):
                collect_strings(b, params, language=language)
            elif is_present(params.value):
                b.wrong_type(params, "an array of {name, value}")


def _instance_view(props: Field, b: PlanBuilder) -> None:
    view = props.find("instanceView")
    state = as_text(view.get("executionState")) if view is not None and view.is_object() else None
    if state is None:
        state = as_text(props.get("provisioningState"))
    if state and b.context.status is None:
        b.context.status = state.strip()
    if view is not None and view.is_object():
        code = view.get("exitCode")
        if isinstance(code, int) and not isinstance(code, bool) and b.context.exit_code is None:
            b.context.exit_code = code
        elif isinstance(code, str) and _is_small_int(code) and b.context.exit_code is None:
            b.context.exit_code = int(code.strip())


def _is_small_int(text: str) -> bool:
    digits = text.strip().removeprefix("-")
    return 0 < len(digits) <= 12 and digits.isascii() and digits.isdigit()


# Run Command requests are recognised by the shape of their body (`body.classify_body`), not by
# a (publisher, type) pair, and planned by the two entry points above.
KIND = KindDeclaration(
    kinds=(RUN_COMMAND, MANAGED_RUN_COMMAND),
    checks=(RUN_COMMAND_ENABLE_ADMIN, RUN_COMMAND_DISABLE_NLA, RUN_COMMAND_ENABLE_REMOTE_PS, RUN_COMMAND_SET_RDP_PORT,
            RUN_COMMAND_REMOVE_EXTENSION),
    alerts=KindAlerts(
        script="VM_RunCommandSuspiciousScript",
        failure="VM_RunCommandSuspiciousFailure",
        failed_run="the Run Command",
        deletion=_USAGE_ALERT,
    ),
)
