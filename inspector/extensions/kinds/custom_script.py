"""Custom Script Extension: Windows (CustomScriptExtension), Linux v2 (CustomScript), legacy OSTC.

The command runs from the folder the fileUris were downloaded to, so the file whose name the
command mentions is the entry point; when none is named, the first fileUri is.
"""

from __future__ import annotations

import regex

from inspector.extensions.builder import PlanBuilder
from inspector.extensions.extension import ExtensionRequest
from inspector.extensions.fields import Field, as_text, is_present
from inspector.extensions.inline import plan_inline_script
from inspector.extensions.kind import KindAlerts, KindDeclaration, request_check
from inspector.extensions.plan import ExtensionKind, ScriptRole, UrlRole
from inspector.extensions.strings import collect_strings, file_name_of, language_from_name
from inspector.model import ArtifactType

# The kind names this module declares.
CUSTOM_SCRIPT_WINDOWS = ExtensionKind("custom_script_windows")
CUSTOM_SCRIPT_LINUX = ExtensionKind("custom_script_linux")
CUSTOM_SCRIPT_LINUX_LEGACY = ExtensionKind("custom_script_linux_legacy")

CSE_PROTECTED_COMMAND_ONLY = request_check(
    "structure.custom_script.protected_command_only",
    "Custom Script Extension command only in protected settings",
    "The request is only protectedSettings.commandToExecute: no public command, script or file and no "
    "file to download, so the command never appears in the VM's visible configuration. Legitimate for "
    "commands holding secrets; also how attackers patch an extension to hide what it runs.",
    40,
    ("T1059", "T1564"),
)
# Words of a command line: split on blanks, quotes and shell/cmd punctuation.
_TOKEN = regex.compile(r"[^\s'\"`;&|()<>,=]{1,1024}")
_PAYLOAD_KEYS = ("commandToExecute", "script", "fileUris")


def plan_custom_script(ext: ExtensionRequest, b: PlanBuilder) -> None:
    language = ArtifactType.CMD if ext.kind == CUSTOM_SCRIPT_WINDOWS else ArtifactType.SHELL
    commands: list[str] = []
    for field in ext.find_all("commandToExecute"):
        text = as_text(field.value)
        if text is None:
            if is_present(field.value):
                b.wrong_type(field, "a string")
                collect_strings(b, field, language=language)
            continue
        commands.append(text)
        b.add_script(field.origin, ScriptRole.COMMAND, text, language=language)
    # `script` is a Linux field (run with /bin/sh); on Windows it is still decoded and scanned.
    script_language = None if ext.kind == CUSTOM_SCRIPT_WINDOWS else ArtifactType.SHELL
    for field in ext.find_all("script"):
        plan_inline_script(b, field, language=script_language)
    _plan_file_uris(ext, b, commands)
    if _protected_command_only(ext):
        b.flag(CSE_PROTECTED_COMMAND_ONLY, "protectedSettings.commandToExecute")


def _file_uris(ext: ExtensionRequest, b: PlanBuilder) -> list[tuple[Field, str]]:
    uris: list[tuple[Field, str]] = []
    for field in ext.find_all("fileUris"):
        value = field.value
        if isinstance(value, str):  # one URL instead of a list: the meaning is clear
            uris.append((field, value))
        elif isinstance(value, list):
            for item in field.items():
                if isinstance(item.value, str):
                    uris.append((item, item.value))
                else:
                    b.wrong_type(item, "a URL string")
        elif value is not None:
            b.wrong_type(field, "an array of URLs")
    return uris


def _plan_file_uris(ext: ExtensionRequest, b: PlanBuilder, commands: list[str]) -> None:
    uris = [(f, u) for f, u in _file_uris(ext, b) if u.strip()]
    if not uris:
        return
    entry = _entry_point(uris, commands)
    for field, url in uris:
        role = UrlRole.ENTRY_POINT if field is entry else UrlRole.PAYLOAD
        planned = b.add_url(field.origin, role, url, language=language_from_name(url))
        if planned is not None and role is UrlRole.ENTRY_POINT:
            b.set_entry_point(field.origin)


def _entry_point(uris: list[tuple[Field, str]], commands: list[str]) -> Field:
    tokens: set[str] = set()
    try:
        for command in commands:
            for token in _TOKEN.findall(command[:65536], timeout=0.5):
                tokens.add(token.replace("\\", "/").rsplit("/", 1)[-1].casefold())
    except TimeoutError:
        pass  # an odd command line: fall back to the first fileUri
    for field, url in uris:
        name = file_name_of(url).casefold()
        if name and name in tokens:
            return field
    return uris[0][0]


def _protected_command_only(ext: ExtensionRequest) -> bool:
    """The command is the whole payload and only protected settings carry it: nothing in public
    settings, no file downloaded (the common legitimate shape ships its fileUris with it)."""
    if ext.protected is None or not is_present(ext.protected.get("commandToExecute")):
        return False
    if any(is_present(ext.protected.get(key)) for key in ("fileUris", "script")):
        return False
    return ext.settings is None or not any(is_present(ext.settings.get(key)) for key in _PAYLOAD_KEYS)


KIND = KindDeclaration(
    kinds=(CUSTOM_SCRIPT_WINDOWS, CUSTOM_SCRIPT_LINUX,
           CUSTOM_SCRIPT_LINUX_LEGACY),
    extensions=(
        (("microsoft.compute", "customscriptextension"), CUSTOM_SCRIPT_WINDOWS),
        (("microsoft.azure.extensions", "customscript"), CUSTOM_SCRIPT_LINUX),
        (("microsoft.ostcextensions", "customscriptforlinux"), CUSTOM_SCRIPT_LINUX_LEGACY),
    ),
    handler=plan_custom_script,
    checks=(CSE_PROTECTED_COMMAND_ONLY,),
    alerts=KindAlerts(
        script="VM_CustomScriptExtensionSuspiciousPayload",
        command="VM_CustomScriptExtensionSuspiciousCmd",
        entry_point="VM_CustomScriptExtensionSuspiciousEntryPoint",
        fetched="VM_CustomScriptExtensionSuspiciousPayload",
        failure="VM_CustomScriptExtensionSuspiciousFailure",
        deletion="VM_CustomScriptExtensionUnusualDeletion",
    ),
)
