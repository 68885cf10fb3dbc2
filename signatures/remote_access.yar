// Remote-access tools and tunnels installed for hands-on access.

rule remote_access_anydesk_unattended
{
    meta:
        id = "yara.remote_access.anydesk_unattended"
        score = 350
        attack = "T1219"
        description = "AnyDesk installed with an unattended-access password"
        author = "payload-inspector"
    strings:
        $anydesk = "anydesk" ascii wide nocase
        $password = "--set-password" ascii wide nocase
    condition:
        $anydesk and $password
}

rule remote_access_ngrok_tunnel
{
    meta:
        id = "yara.remote_access.ngrok_tunnel"
        score = 350
        attack = "T1572"
        description = "ngrok tunnel or auth token set up"
        author = "payload-inspector"
    strings:
        $n = /ngrok(\.exe)?["']?\s+(tcp|http|authtoken|config\s+add-authtoken)\b/ ascii wide nocase
    condition:
        $n
}

rule remote_access_chisel_reverse
{
    meta:
        id = "yara.remote_access.chisel_reverse"
        score = 400
        attack = "T1572,T1090"
        description = "chisel client with a reverse (R:) tunnel"
        author = "payload-inspector"
    strings:
        $c = /chisel(\.exe)?\s+client\s[^\n]{0,120}\bR:/ ascii wide nocase
    condition:
        $c
}
