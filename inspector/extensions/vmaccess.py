"""VMAccess, Windows (VMAccessAgent) and Linux (VMAccessForLinux): account and SSH changes.

No script or URL: what matters is the shape. The named user is created if missing and gets
administrator rights; the password and keys are redacted everywhere (they are secrets).
"""

from __future__ import annotations

from inspector.extensions.builder import PlanBuilder
from inspector.extensions.extension import ExtensionRequest
from inspector.extensions.fields import as_flag, as_text, is_present
from inspector.extensions.structure import (
    VMACCESS_REMOVE_PRIOR_KEYS,
    VMACCESS_RESET_SSH,
    VMACCESS_SSH_KEY_ADDED,
    VMACCESS_USER_REMOVED,
    VMACCESS_USER_RESET,
)


def plan_vmaccess(ext: ExtensionRequest, b: PlanBuilder) -> None:
    user_field = ext.first("username")
    username = as_text(user_field.value) if user_field is not None else None
    if user_field is not None and username is None and is_present(user_field.value):
        b.wrong_type(user_field, "a string")
    who = f"username={username}" if username else None
    has_password = any(is_present(f.value) for f in ext.find_all("password"))
    has_key = any(is_present(f.value) for f in ext.find_all("ssh_key"))
    if username and (has_password or has_key):
        b.flag(VMACCESS_USER_RESET, who)
    if has_key:
        b.flag(VMACCESS_SSH_KEY_ADDED, who)
    if any(as_flag(f.value) for f in ext.find_all("reset_ssh")):
        b.flag(VMACCESS_RESET_SSH, "reset_ssh=true")
    if any(as_flag(f.value) for f in ext.find_all("remove_prior_keys")):
        b.flag(VMACCESS_REMOVE_PRIOR_KEYS, "remove_prior_keys=true")
    removed = [as_text(f.value) for f in ext.find_all("remove_user") if is_present(f.value)]
    if removed:
        b.flag(VMACCESS_USER_REMOVED, f"remove_user={removed[0]}")
