// Download-and-execute through living-off-the-land binaries and PowerShell cradles.

rule download_certutil_urlcache
{
    meta:
        id = "yara.download_execute.certutil_urlcache"
        score = 400
        attack = "T1105,T1218"
        description = "certutil -urlcache used to download a file"
        author = "payload-inspector"
    strings:
        $c = /certutil(\.exe)?[^\n]{0,40}-urlcache\b/ ascii wide nocase
    condition:
        $c
}

rule download_regsvr32_squiblydoo
{
    meta:
        id = "yara.download_execute.regsvr32_squiblydoo"
        score = 500
        attack = "T1218.010"
        description = "regsvr32 /i:<url> scrobj.dll (Squiblydoo)"
        author = "payload-inspector"
    strings:
        $r = /regsvr32(\.exe)?[^\n]{0,60}\/i:\s*["']?(https?|ftp):/ ascii wide nocase
        $s = "scrobj" ascii wide nocase
    condition:
        $r and $s
}

rule download_mshta_remote
{
    meta:
        id = "yara.download_execute.mshta_remote"
        score = 450
        attack = "T1218.005"
        description = "mshta running a remote HTA or inline vbscript/javascript"
        author = "payload-inspector"
    strings:
        $m = /mshta(\.exe)?["']?\s+["']?(https?:|vbscript:|javascript:)/ ascii wide nocase
    condition:
        $m
}

rule download_powershell_cradle
{
    meta:
        id = "yara.download_execute.powershell_cradle"
        score = 400
        attack = "T1059.001,T1105"
        description = "IEX over WebClient.DownloadString from a non-vendor URL"
        author = "payload-inspector"
    strings:
        $cradle = /(iex|Invoke-Expression)\s*\(*\s*\(?New-Object\s+(System\.)?Net\.WebClient\)\.DownloadString\(\s*["']https?:\/\// ascii wide nocase
        $choco = "chocolatey.org/install.ps1" ascii wide nocase
    condition:
        $cradle and not $choco
}
