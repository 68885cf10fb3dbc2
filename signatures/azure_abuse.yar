// Azure-specific abuse of VM extensions: Run Command cleanup and IMDS exposure.

rule azure_runcommand_download_cleanup
{
    meta:
        id = "yara.azure.runcommand_download_cleanup"
        score = 400
        attack = "T1070.004"
        description = "Deletes the Run Command download folder the platform keeps"
        author = "payload-inspector"
    strings:
        $folder = "Microsoft.CPlat.Core.RunCommandWindows" ascii wide nocase
        $d1 = "Remove-Item" ascii wide nocase
        $d2 = /\b(rd|rmdir|del)\s+\/[sqf]/ ascii wide nocase
    condition:
        $folder and any of ($d*)
}

rule azure_imds_portproxy
{
    meta:
        id = "yara.azure.imds_portproxy"
        score = 600
        attack = "T1090,T1552.005"
        description = "netsh portproxy forwarding to the instance metadata service"
        author = "payload-inspector"
    strings:
        $proxy = "portproxy" ascii wide nocase
        $imds = "169.254.169.254" ascii wide
    condition:
        $proxy and $imds
}
