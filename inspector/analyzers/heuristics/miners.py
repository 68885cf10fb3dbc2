"""Crypto-miners: the most common payload pushed through compromised VM extensions.

Any one of the miner's fingerprints (binary name, stratum URL, pool host, donate level)
is strong; a wallet-shaped string is only evidence next to them, because long base58 or
hex strings also occur in benign data. Huge-pages setup is dual-use (databases want it).
"""

from __future__ import annotations

import regex

from inspector.stage import Heuristic
from inspector.analyzers.heuristics.intel import builtin_intel
from inspector.analyzers.heuristics.patterns import DEFAULT_FLAGS, Family, PatternRule, TextView
from inspector.model import Finding

MINER_BINARY = Heuristic(
    id="heur.miners.miner_binary",
    title="Crypto-miner program",
    description="Names a known mining program (xmrig, xmr-stak, cpuminer/minerd, nbminer, t-rex, lolMiner, "
    "PhoenixMiner, ethminer, SRBMiner, TeamRedMiner, GMiner, nanominer, ccminer).",
    score=300,
    attack=("T1496",),
)
STRATUM = Heuristic(
    id="heur.miners.stratum_url",
    title="Mining pool stratum URL",
    description="A stratum+tcp/ssl URL is how a miner talks to its pool; nothing else uses the scheme.",
    score=400,
    attack=("T1496",),
)
POOL_DOMAIN = Heuristic(
    id="heur.miners.pool_domain",
    title="Mining pool host",
    description="A host from the mining-pool intel list.",
    score=300,
    attack=("T1496",),
)
WALLET = Heuristic(
    id="heur.miners.wallet",
    title="Cryptocurrency wallet address",
    description="A Monero, Bitcoin or Ethereum wallet-shaped string next to mining or payment context.",
    score=150,
    attack=("T1496",),
)
MONERO_WALLET = Heuristic(
    id="heur.miners.monero_wallet",
    title="Monero wallet address",
    description="A 95/106-character Monero address: the payout of XMR miners.",
    score=250,
    attack=("T1496",),
)
MINER_OPTIONS = Heuristic(
    id="heur.miners.miner_options",
    title="Miner command-line or config options",
    description="--donate-level, --cpu-max-threads-hint, \"algo\": \"rx/0\", randomx, --coin monero and the like.",
    score=250,
    attack=("T1496",),
)
KILL_COMPETITORS = Heuristic(
    id="heur.miners.kill_competitors",
    title="Competing miners killed",
    description="Kills or removes other miners and malware (kdevtmpfsi, kinsing, xmrig, sysupdate...) "
    "before installing its own: the signature of TeamTNT/Kinsing-style scripts.",
    score=400,
    attack=("T1496", "T1489"),
)
HUGE_PAGES = Heuristic(
    id="heur.miners.huge_pages",
    title="Huge pages or MSR tuning",
    description="vm.nr_hugepages or MSR writes tune the CPU for RandomX (dual-use: databases use huge pages).",
    score=40,
    attack=("T1496",),
)
MSR_MOD = Heuristic(
    id="heur.miners.msr_mod",
    title="CPU model-specific registers written",
    description="modprobe msr / wrmsr: xmrig's MSR mod for RandomX hash rate.",
    score=150,
    attack=("T1496",),
)
GPU_MINER_DRIVER = Heuristic(
    id="heur.miners.cpu_limit_evasion",
    title="Miner throttled to stay unnoticed",
    description="cpulimit or nice applied to a miner process, or miner config max-cpu-usage lowered.",
    score=100,
    attack=("T1496",),
)

# Names must stand as words: random base64 contains "XmRIG" by chance, a path or command does not.
_MINERS = (
    r"(?<![A-Za-z0-9])(?:xmrig(?:-notls|-cuda|-amd)?|xmr-stak(?:-rx|-cpu)?|cpuminer(?:-multi|-opt)?|nbminer|lolminer"
    r"|phoenixminer|srbminer(?:-multi)?|teamredminer)(?![A-Za-z])"
    r"|\bminerd\b|\bt-rex(?:\.exe)?\s+-[ao]\b|/t-rex\b"
    r"|\bethminer\b|\bgminer\b|\bnanominer\b|\bccminer\b|\bxmr-?miner\b|\bkdevtmpfsi\b|\bkinsing\b"
)

RULES = (
    PatternRule(
        MINER_BINARY,
        _MINERS,
        keywords=("xmrig", "xmr-stak", "cpuminer", "minerd", "nbminer", "t-rex", "lolminer", "phoenixminer", "ethminer", "srbminer", "teamredminer", "gminer", "nanominer", "ccminer", "xmr-miner", "xmrminer", "kdevtmpfsi", "kinsing"),
    ),
    PatternRule(STRATUM, r"\bstratum(?:\+|2\+)?(?:tcp|ssl|tls)?://[A-Za-z0-9.\-]{1,253}", keywords=("stratum",)),
    PatternRule(
        MINER_OPTIONS,
        r"--donate-level\b|--cpu-max-threads-hint|--max-cpu-usage|[\"']algo[\"']\s*:\s*[\"'](?:rx/0|cn/r|rx/wow|kawpow|ethash|autolykos2|randomx)[\"']"
        r"|\s-a\s+(?:rx/0|cryptonight|randomx|kawpow|ethash|autolykos2)\b|--algo[= ](?:rx/0|cryptonight|randomx|kawpow|ethash)\b|--coin[= ](?:monero|xmr)\b"
        r"|[\"']donate-level[\"']\s*:|--randomx-1gb-pages|[\"']nicehash[\"']\s*:",
        keywords=("donate", "cpu-max-threads", "max-cpu-usage", "algo", "rx/0", "cryptonight", "randomx", "kawpow", "--coin", "nicehash", "1gb-pages"),
    ),
    PatternRule(
        KILL_COMPETITORS,
        r"(?:pkill|killall|kill\s+-9|taskkill|stop-process|pgrep)[^\n]{0,120}\b(?:kdevtmpfsi|kinsing|xmrig|xmr-stak|minerd|cpuminer|sysupdate|networkservice|sysguard|kthreaddi|dbused|\.javae|crypto-pool|minexmr|cryptonight|stratum)\b"
        r"|ps\s+(?:aux|-ef)[^\n]{0,60}grep[^\n]{0,120}\b(?:kdevtmpfsi|kinsing|xmrig|minerd|cryptonight|stratum|pool\.)[^\n]{0,200}(?:kill|xargs)"
        r"|rm\s+-r?f\s+[^\n]{0,40}/tmp/(?:kdevtmpfsi|kinsing|\.xmr|xmrig)",
        keywords=("kdevtmpfsi", "kinsing", "xmrig", "xmr-stak", "minerd", "cpuminer", "sysupdate", "kthreaddi", "dbused", "cryptonight", "stratum", "pool."),
    ),
    PatternRule(
        HUGE_PAGES,
        r"vm\.nr_hugepages|/proc/sys/vm/nr_hugepages|hugepages\s*=|largepageminimum|sesecurityprivilege[^\n]{0,80}lock\s*pages",
        keywords=("hugepages", "largepage", "lock pages"),
    ),
    PatternRule(MSR_MOD, r"\bmodprobe\s+msr\b|\bwrmsr\b|/dev/cpu/\d+/msr", keywords=("msr",)),
    PatternRule(
        GPU_MINER_DRIVER,
        r"\bcpulimit\b[^\n]{0,80}(?:-l|--limit)\s*\d+",
        keywords=("cpulimit",),
        requires=(_MINERS + r"|stratum|--donate-level",),
    ),
)

# Wallets stand alone: a base58-looking run inside a longer base64 blob is chance, not an
# address (10 MB of random base64 holds about a thousand 95-character base58 runs).
_MONERO = regex.compile(
    r"(?<![A-Za-z0-9+/])4[0-9AB][1-9A-HJ-NP-Za-km-z]{93}(?:[1-9A-HJ-NP-Za-km-z]{11})?(?![A-Za-z0-9+/=])", regex.VERSION0
)
_OTHER_WALLETS = regex.compile(
    r"(?<![A-Za-z0-9+/])(?:bc1[ac-hj-np-z02-9]{38,58}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}|0x[a-fA-F0-9]{40}|[LM][a-km-zA-HJ-NP-Z1-9]{33}|r[1-9A-HJ-NP-Za-km-z]{24,34})(?![A-Za-z0-9+/=])",
    regex.VERSION0,
)
_WALLET_CONTEXT = regex.compile(
    r"wallet|\buser\b|--user|\s-u\s|stratum|pool|payout|\bbtc\b|bitcoin|\beth\b|monero|\bxmr\b|ransom|send\s", DEFAULT_FLAGS
)
_HOSTS = regex.compile(r"(?<![A-Za-z0-9.\-])((?:[A-Za-z0-9\-]{1,63}\.){1,6}[A-Za-z]{2,24})(?![A-Za-z0-9\-])", regex.VERSION0)


def wallet_findings(view: TextView) -> list[Finding]:
    findings: list[Finding] = []
    monero = view.finditer(_MONERO, MONERO_WALLET.id)
    if monero:
        findings.append(view.finding(MONERO_WALLET, monero[0], count=len(monero)))
    if view.has_any(("wallet", "user", "-u ", "stratum", "pool", "payout", "btc", "bitcoin", "eth", "monero", "xmr", "ransom", "send ")):
        others = view.finditer(_OTHER_WALLETS, WALLET.id)
        for match in others:
            line_start = view.text.rfind("\n", 0, match.start()) + 1
            line_end = view.text.find("\n", match.end())
            line = view.text[line_start : line_end if line_end != -1 else len(view.text)]
            try:
                in_context = _WALLET_CONTEXT.search(line[:2000], timeout=view.ctx.regex_timeout()) is not None
            except TimeoutError:
                in_context = False
            if in_context:
                findings.append(view.finding(WALLET, match))
                break
    return findings


def pool_domain_findings(view: TextView) -> list[Finding]:
    intel = builtin_intel()
    if not intel.pool_domains:
        return []
    # cheap prefilter: any pool's registrable name present at all
    if not any(domain.split(".")[-2] in view.lowered for domain in intel.pool_domains if "." in domain):
        return []
    first = None
    count = 0
    # Host-shaped tokens are common, so look at many of them (bounded) rather than the first 50.
    for match in view.finditer(_HOSTS, POOL_DOMAIN.id, limit=view.limits.max_hosts):
        if intel.is_pool_domain(match.group(1)):
            count += 1
            first = first or match
    return [view.finding(POOL_DOMAIN, first, count=count)] if first is not None else []


FAMILY = Family(name="miners", rules=RULES, checks=(wallet_findings, pool_domain_findings))
HEURISTICS = FAMILY.heuristics + (MONERO_WALLET, WALLET, POOL_DOMAIN)
