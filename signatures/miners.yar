// Crypto-miners pushed through VM extensions: pool URLs, xmrig-style configs and command
// lines, and the competitor-killing preamble of TeamTNT/Kinsing-style scripts.

rule miner_stratum_url
{
    meta:
        id = "yara.miner.stratum_url"
        score = 400
        attack = "T1496"
        description = "stratum+tcp/ssl URL: a miner talking to its pool"
        author = "payload-inspector"
    strings:
        $stratum = /stratum(2)?\+(tcp|ssl|tls):\/\/[a-z0-9.\-]{3,}/ ascii wide nocase
    condition:
        $stratum
}

rule miner_xmrig_config
{
    meta:
        id = "yara.miner.xmrig_config"
        score = 400
        attack = "T1496"
        description = "xmrig JSON configuration (donate-level with pools or a RandomX algorithm)"
        author = "payload-inspector"
    strings:
        $donate = "\"donate-level\"" ascii wide nocase
        $pools = "\"pools\"" ascii wide nocase
        $algo = /"algo"\s*:\s*"(rx\/0|cn\/r|rx\/wow|randomx)"/ ascii wide nocase
    condition:
        $donate and ($pools or $algo)
}

rule miner_command_line
{
    meta:
        id = "yara.miner.command_line"
        score = 300
        attack = "T1496"
        description = "Miner command-line switches (--donate-level, --cpu-max-threads-hint, --randomx-1gb-pages)"
        author = "payload-inspector"
    strings:
        $donate = "--donate-level" ascii wide nocase
        $threads = "--cpu-max-threads-hint" ascii wide nocase
        $pages = "--randomx-1gb-pages" ascii wide nocase
    condition:
        any of them
}

rule miner_kill_competitors
{
    meta:
        id = "yara.miner.kill_competitors"
        score = 400
        attack = "T1496,T1489"
        description = "Kills competing miners (kdevtmpfsi, kinsing) before installing its own"
        author = "payload-inspector"
    strings:
        $m1 = "kdevtmpfsi" ascii wide nocase
        $m2 = "kinsing" ascii wide nocase
        $k1 = "pkill" ascii wide
        $k2 = "killall" ascii wide
        $k3 = "kill -9" ascii wide
    condition:
        any of ($m*) and any of ($k*)
}
