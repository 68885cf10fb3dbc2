"""VMAccess for Windows and Linux: account and SSH changes are structural findings."""

from __future__ import annotations


from tests.extensions.samples import VMACCESS_PASSWORD, plan

PRIVATE_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----"


def ids(p):
    return sorted(f.id for f in p.findings)


def test_windows_password_reset_for_a_named_user():
    p = plan({
        "publisher": "Microsoft.Compute", "type": "VMAccessAgent", "typeHandlerVersion": "2.4",
        "settings": {"UserName": "localadmin"}, "protectedSettings": {"Password": VMACCESS_PASSWORD},
    })
    assert p.kind == "vmaccess_windows"
    assert ids(p) == ["structure.vmaccess.user_reset"]
    assert p.findings[0].snippet == "username=localadmin"
    assert p.scripts == [] and p.urls == []
    assert VMACCESS_PASSWORD not in p.model_dump_json()


def test_linux_new_user_with_key_ssh_reset_and_prior_keys_removed():
    p = plan({
        "publisher": "Microsoft.OSTCExtensions", "type": "VMAccessForLinux", "typeHandlerVersion": "1.5",
        "protectedSettings": {"username": "support", "ssh_key": "ssh-rsa AAAAB3NzaC1yc2E attacker@box",
                              "reset_ssh": True, "remove_prior_keys": "true"},
    })
    assert p.kind == "vmaccess_linux"
    assert ids(p) == ["structure.vmaccess.remove_prior_keys", "structure.vmaccess.reset_ssh",
                      "structure.vmaccess.ssh_key_added", "structure.vmaccess.user_reset"]
    assert all(0 < f.score < 300 for f in p.findings)
    assert 300 <= sum(f.score for f in p.findings) < 1000  # together: suspicious, not malicious


def test_linux_disk_check_only_is_not_flagged():
    p = plan({"publisher": "Microsoft.OSTCExtensions", "type": "VMAccessForLinux",
              "settings": {"check_disk": True}, "protectedSettings": {}})
    assert p.findings == []


def test_remove_user_and_a_private_key_given_as_ssh_key_is_redacted():
    p = plan({"publisher": "Microsoft.OSTCExtensions", "type": "VMAccessForLinux",
              "protectedSettings": {"remove_user": "olduser", "username": "x", "ssh_key": PRIVATE_KEY}})
    assert "structure.vmaccess.user_removed" in ids(p)
    assert "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ" not in p.model_dump_json()
