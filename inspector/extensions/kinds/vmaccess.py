"""VMAccess, Windows (VMAccessAgent) and Linux (VMAccessForLinux): account and SSH changes.

No script or URL: what matters is the shape. The named user is created if missing and gets
administrator rights; the password and keys are redacted everywhere (they are secrets).
"""

from __future__ import annotations

from inspector.extensions.builder import PlanBuilder
from inspector.extensions.extension import ExtensionRequest
from inspector.extensions.fields import as_flag, as_text, is_present
from inspector.extensions.kind import KindDeclaration, request_check
from inspector.extensions.plan import ExtensionKind

# The kind names this module declares.
VMACCESS_WINDOWS = ExtensionKind("vmaccess_windows")
VMACCESS_LINUX = ExtensionKind("vmaccess_linux")

# No alert by themselves: a password reset is routine admin work. VM_VMAccessSuspiciousUsage is
# decided from the subscription's history (inspector/activity/detectors/vmaccess_usage.py).
VMACCESS_USER_RESET = request_check(
    "structure.vmaccess.user_reset",
    "VMAccess creates or resets a local user",
    "VMAccess sets a password or key for a named user: the user is created if missing and gets "
    "administrator (sudo) rights.",
    200,
    ("T1098", "T1136.001"),
)
VMACCESS_SSH_KEY_ADDED = request_check(
    "structure.vmaccess.ssh_key_added",
    "VMAccess adds an SSH key",
    "VMAccess installs an SSH public key for a user (persistent remote access).",
    150,
    ("T1098.004",),
)
VMACCESS_RESET_SSH = request_check(
    "structure.vmaccess.reset_ssh",
    "VMAccess resets the SSH configuration",
    "VMAccess restores the default sshd configuration, which re-enables access settings the owner "
    "may have hardened.",
    120,
    ("T1098", "T1021.004"),
)
VMACCESS_REMOVE_PRIOR_KEYS = request_check(
    "structure.vmaccess.remove_prior_keys",
    "VMAccess removes the existing SSH keys",
    "VMAccess deletes the user's existing authorized keys: the legitimate owners lose access.",
    100,
    ("T1098.004", "T1531"),
)
VMACCESS_USER_REMOVED = request_check(
    "structure.vmaccess.user_removed",
    "VMAccess removes a user",
    "VMAccess deletes a local user account.",
    80,
    ("T1531",),
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


KIND = KindDeclaration(
    kinds=(VMACCESS_WINDOWS, VMACCESS_LINUX),
    extensions=(
        (("microsoft.compute", "vmaccessagent"), VMACCESS_WINDOWS),
        (("microsoft.ostcextensions", "vmaccessforlinux"), VMACCESS_LINUX),
    ),
    handler=plan_vmaccess,
    checks=(VMACCESS_USER_RESET, VMACCESS_SSH_KEY_ADDED, VMACCESS_RESET_SSH, VMACCESS_REMOVE_PRIOR_KEYS,
            VMACCESS_USER_REMOVED),
)
