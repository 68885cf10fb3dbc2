"""Download-and-execute: a script that fetches code and runs it without it touching review.

Strong when the fetched text goes straight into an interpreter (IEX, `| sh`) or through a
living-off-the-land binary (certutil, mshta, regsvr32, rundll32). Dual-use, and scored low,
when an admin script downloads an installer and starts it, or pipes a *vendor's* official
install script into a shell (`curl -fsSL https://get.docker.com | sh`).
"""

from __future__ import annotations


import regex

from inspector.stage import Heuristic
from inspector.analyzers.heuristics.intel import builtin_intel
from inspector.analyzers.heuristics.patterns import DEFAULT_FLAGS, HIDDEN_DIR, Family, PatternRule, TextView
from inspector.model import ErrorKind, Finding

_IEX = r"(?:\biex\b|invoke-expression|\.\s*\(\s*\$)"
_PS_FETCH = r"(?:downloadstring|downloaddata|\biwr\b|\birm\b|invoke-webrequest|invoke-restmethod|\bwget\b|\bcurl\b|net\.webclient|openread)"
_SHELL = r"(?:(?:/usr)?/bin/)?(?:ba|z|da|k)?sh\b"

PS_FETCH_IEX = Heuristic(
    id="heur.download_execute.ps_cradle",
    title="PowerShell download cradle",
    description="Text fetched from the network is passed straight to Invoke-Expression (IEX): code runs "
    "without ever being written to disk or reviewed.",
    score=450,
    attack=("T1059.001", "T1105"),
)
PS_DOWNLOAD_FILE = Heuristic(
    id="heur.download_execute.ps_download_file",
    title="PowerShell downloads a file",
    description="WebClient.DownloadFile / Invoke-WebRequest -OutFile writes a remote file locally. Common in "
    "installers; suspicious together with execution from temporary or hidden locations.",
    score=30,
    attack=("T1105",),
)
PS_DOWNLOAD_RUN_TEMP = Heuristic(
    id="heur.download_execute.ps_download_run_temp",
    title="Downloaded executable started from a user-writable location",
    description="A file is downloaded to a temporary or public folder and then started (dual-use: "
    "installers are downloaded to %TEMP% too).",
    score=80,
    attack=("T1105", "T1204.002"),
)
BITS = Heuristic(
    id="heur.download_execute.bits",
    title="BITS transfer",
    description="bitsadmin /transfer or Start-BitsTransfer downloads a file; bitsadmin is a common "
    "living-off-the-land downloader.",
    score=60,
    attack=("T1197", "T1105"),
)
BITSADMIN = Heuristic(
    id="heur.download_execute.bitsadmin",
    title="bitsadmin download job",
    description="bitsadmin /transfer or /addfile from a URL: deprecated tool favoured by intruders.",
    score=300,
    attack=("T1197", "T1105"),
)
CERTUTIL_URLCACHE = Heuristic(
    id="heur.download_execute.certutil_urlcache",
    title="certutil used as a downloader",
    description="certutil -urlcache -f <url> downloads arbitrary files; administrators use it for "
    "certificates, not for fetching payloads.",
    score=400,
    attack=("T1105", "T1218"),
)
CERTUTIL_DECODE = Heuristic(
    id="heur.download_execute.certutil_decode",
    title="certutil decodes a file",
    description="certutil -decode / -decodehex turns an encoded file back into a binary or script, a "
    "classic way to smuggle payloads.",
    score=250,
    attack=("T1140",),
)
SHELL_PIPE = Heuristic(
    id="heur.download_execute.shell_pipe",
    title="Remote script piped into a shell",
    description="curl/wget output piped into sh/bash: whatever the server returns runs as is.",
    score=250,
    attack=("T1059.004", "T1105"),
)
SHELL_PIPE_RAW_IP = Heuristic(
    id="heur.download_execute.shell_pipe_ip",
    title="Script from a bare IP address piped into a shell",
    description="curl/wget from a bare IP address piped into a shell: typical of botnet droppers.",
    score=200,
    attack=("T1059.004", "T1105"),
)
VENDOR_CRADLE = Heuristic(
    id="heur.download_execute.vendor_installer_cradle",
    title="Vendor install script run with Invoke-Expression",
    description="A known vendor's official PowerShell installer run through IEX (dual-use: the documented "
    "Chocolatey install, for example).",
    score=30,
    attack=("T1059.001",),
)
VENDOR_PIPE = Heuristic(
    id="heur.download_execute.vendor_installer_pipe",
    title="Vendor install script piped into a shell",
    description="A known vendor's official installer piped into a shell (dual-use: normal for setup "
    "scripts, still unreviewed code).",
    score=30,
    attack=("T1059.004",),
)
DOWNLOAD_CHMOD_RUN = Heuristic(
    id="heur.download_execute.download_chmod_run",
    title="Download, make executable and run from a temporary location",
    description="A file is fetched into /tmp, /var/tmp, /dev/shm or a hidden directory, made executable and run.",
    score=300,
    attack=("T1105", "T1059.004"),
)
CHMOD_EXEC = Heuristic(
    id="heur.download_execute.chmod_exec",
    title="Downloaded file made executable",
    description="chmod +x / 777 after a download (dual-use: installers do this too).",
    score=30,
    attack=("T1222.002",),
)
MSHTA = Heuristic(
    id="heur.download_execute.mshta",
    title="mshta runs remote or inline script",
    description="mshta with an http(s) URL or a vbscript:/javascript: protocol executes script outside "
    "PowerShell logging.",
    score=450,
    attack=("T1218.005",),
)
REGSVR32 = Heuristic(
    id="heur.download_execute.regsvr32_scrobj",
    title="regsvr32 Squiblydoo",
    description="regsvr32 /i:<url> scrobj.dll runs a remote scriptlet (Squiblydoo).",
    score=500,
    attack=("T1218.010",),
)
RUNDLL32 = Heuristic(
    id="heur.download_execute.rundll32_script",
    title="rundll32 with a URL or script protocol",
    description="rundll32 given javascript:, vbscript: or a URL executes script through a signed binary.",
    score=450,
    attack=("T1218.011",),
)
INTERPRETER_FETCH_EXEC = Heuristic(
    id="heur.download_execute.interpreter_fetch_exec",
    title="Interpreter one-liner fetches and executes code",
    description="python/perl/ruby/php one-liner that downloads code and exec()s it.",
    score=400,
    attack=("T1059.006", "T1105"),
)
BAD_DOMAIN = Heuristic(
    id="heur.download_execute.bad_domain",
    title="URL on a known-bad or anonymous file-drop host",
    description="The script references a host from the bad-domains intel list (paste sites, anonymous "
    "file drops, tunnels) that has no place in a VM extension.",
    score=300,
    attack=("T1105", "T1102"),
    cap=300,
)
ASSEMBLY_LOAD_REMOTE = Heuristic(
    id="heur.download_execute.reflective_assembly",
    title=".NET assembly loaded from memory",
    description="[Reflection.Assembly]::Load on downloaded or decoded bytes runs a binary without writing it.",
    score=400,
    attack=("T1620",),
)

_URL = regex.compile(r"\b(?:https?|ftp)://([A-Za-z0-9.\-]{1,253})(?::\d{1,5})?(?P<path>[^\s\"'`)|;<>]*)", DEFAULT_FLAGS)
_SHELL_PIPE_LINE = (
    r"(?:\bcurl\b|\bwget\b|\bfetch\b)[^\n|]{0,400}\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:env\s+)?" + _SHELL
)
_TEMP_DIR = r"(?:/tmp/|/var/tmp/|/dev/shm/|/run/shm/|" + HIDDEN_DIR + r")"
_WIN_TEMP = r"(?:\$env:(?:temp|tmp|appdata|public|programdata)|%(?:temp|tmp|appdata|public)%|\\users\\public\\|\\appdata\\|\\windows\\temp\\|\\programdata\\)"

RULES = (
    PatternRule(
        PS_DOWNLOAD_FILE,
        r"downloadfile\s*\(|(?:invoke-webrequest|\biwr\b|invoke-restmethod|\birm\b)[^\n]{0,300}-outfile\b",
        keywords=("downloadfile", "-outfile"),
    ),
    PatternRule(
        PS_DOWNLOAD_RUN_TEMP,
        r"(?:downloadfile\s*\([^\n]{0,300}|-outfile\s+[^\n]{0,10}|start-bitstransfer\b[^\n]{0,300}-destination\s+[^\n]{0,10})"
        + _WIN_TEMP,
        keywords=("downloadfile", "-outfile", "bitstransfer"),
        requires=(r"start-process|invoke-item|\bstart\s|&\s*\$|cmd(?:\.exe)?\s+/c|\.exe[\"']?\s*$",),
    ),
    PatternRule(BITS, r"start-bitstransfer\b[^\n]{0,200}https?://|start-bitstransfer\s+-source", keywords=("bitstransfer",)),
    PatternRule(BITSADMIN, r"\bbitsadmin(?:\.exe)?\s+(?:/transfer|/addfile|/create)", keywords=("bitsadmin",)),
    PatternRule(
        CERTUTIL_URLCACHE,
        r"\bcertutil(?:\.exe)?\b[^\n]{0,100}-(?:urlcache|verifyctl)\b[^\n]{0,200}(?:https?|ftp)://|\bcertutil(?:\.exe)?\b[^\n]{0,60}-urlcache\b",
        keywords=("certutil",),
    ),
    PatternRule(
        CERTUTIL_DECODE, r"\bcertutil(?:\.exe)?\b[^\n]{0,60}[-/]decode(?:hex)?\b", keywords=("certutil",)
    ),
    PatternRule(
        SHELL_PIPE_RAW_IP,
        r"(?:\bcurl\b|\bwget\b)[^\n|]{0,200}(?:https?://)?\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}[^\n|]{0,200}\|\s*(?:sudo\s+)?" + _SHELL,
        keywords=("curl", "wget"),
    ),
    PatternRule(
        DOWNLOAD_CHMOD_RUN,
        r"(?:\bcurl\b|\bwget\b|\btftp\b|\bscp\b)[^\n]{0,300}" + _TEMP_DIR,
        keywords=("curl", "wget", "tftp", "scp"),
        requires=(r"chmod\s+(?:[0-7]*7[0-7]{0,2}|\+x|u\+x|a\+x)\s+[^\n]{0,100}" + _TEMP_DIR + r"|chmod\s+(?:[0-7]*7[0-7]{0,2}|\+x|u\+x|a\+x)\s+\S",
                  r"(?:^|[;&|]\s*|nohup\s+|exec\s+|\bsh\s+|bash\s+|\./)" + _TEMP_DIR + r"|\./\.?[A-Za-z0-9_.-]{1,40}(?:\s|$|&)"),
    ),
    PatternRule(
        CHMOD_EXEC,
        r"chmod\s+(?:[0-7]*7[0-7]{0,2}|\+x|u\+x|a\+x)\s+\S",
        keywords=("chmod",),
        requires=(r"\bcurl\b|\bwget\b",),
    ),
    PatternRule(
        MSHTA,
        r"\bmshta(?:\.exe)?[\"']?\s+[\"']?(?:(?:https?|ftp)://|vbscript:|javascript:|about:)",
        keywords=("mshta",),
    ),
    PatternRule(
        REGSVR32,
        r"\bregsvr32(?:\.exe)?\b[^\n]{0,80}/i:\s*[\"']?(?:https?|ftp)://|\bregsvr32(?:\.exe)?\b[^\n]{0,200}scrobj(?:\.dll)?",
        keywords=("regsvr32",),
    ),
    PatternRule(
        RUNDLL32,
        r"\brundll32(?:\.exe)?\b[^\n]{0,120}(?:javascript:|vbscript:|(?:https?|ftp)://|mshtml\s*,\s*runhtmlapplication|url\.dll\s*,\s*(?:fileprotocolhandler|openurl)|\\\\[A-Za-z0-9.\-]+@?\d*\\)",
        keywords=("rundll32",),
    ),
    PatternRule(
        INTERPRETER_FETCH_EXEC,
        r"\bpython[0-9.]*\s+-c\s+[^\n]{0,400}(?:urlopen|requests\.get|urlretrieve)[^\n]{0,400}\bexec\b"
        r"|\bpython[0-9.]*\s+-c\s+[^\n]{0,400}\bexec\b[^\n]{0,400}(?:urlopen|requests\.get)"
        r"|\bperl\s+-e\s+[^\n]{0,400}(?:LWP::Simple|HTTP::Tiny|get\()[^\n]{0,300}\beval\b"
        r"|\bphp\s+-r\s+[^\n]{0,300}file_get_contents\(\s*[\"']https?://[^\n]{0,300}\beval\b"
        r"|\bruby\s+-e\s+[^\n]{0,300}(?:open-uri|Net::HTTP)[^\n]{0,300}\beval\b",
        keywords=("python", "perl", "php", "ruby"),
    ),
    PatternRule(
        PS_FETCH_IEX,
        r"\.downloadstring\s*\(|invoke-restmethod\b|\birm\b|invoke-webrequest\b[^\n]{0,200}\.content\b",
        keywords=("downloadstring", "invoke-restmethod", "irm", ".content"),
        requires=(r"(?:\biex\b|invoke-expression)\s*\(?\s*\$\w+|\[scriptblock\]::create\(\s*\$\w+",),
    ),
    PatternRule(
        ASSEMBLY_LOAD_REMOTE,
        r"reflection\.assembly\]\s*::\s*load\s*\(\s*\$\w+",
        keywords=("assembly",),
        requires=(r"downloaddata|frombase64string|readallbytes|\.content\b|webclient",),
    ),
    PatternRule(
        ASSEMBLY_LOAD_REMOTE,
        r"(?:reflection\.assembly\]\s*::\s*load(?:file)?\s*\(|assembly\]::load\()[^\n]{0,300}(?:downloaddata|frombase64string|webclient|invoke-webrequest|readallbytes)"
        r"|(?:downloaddata|frombase64string)[^\n]{0,300}reflection\.assembly\]\s*::\s*load",
        keywords=("assembly",),
    ),
)


def bad_host_findings(view: TextView) -> list[Finding]:
    """URLs on hosts of the bad-domains intel list (paste sites, file drops, tunnels)."""
    if "://" not in view.text:
        return []
    intel = builtin_intel()
    findings: list[Finding] = []
    bad_match = None
    bad_count = 0
    try:
        for match in _URL.finditer(view.text, timeout=view.ctx.regex_timeout()):
            host = match.group(1)
            if intel.is_bad_domain(host):
                bad_count += 1
                bad_match = bad_match or match
            if bad_count >= 20:
                break
    except TimeoutError:
        view.errors.append((ErrorKind.LIMIT_REGEX_TIMEOUT, f"{BAD_DOMAIN.id}: url scan timed out"))
    if bad_match is not None:
        findings.append(view.finding(BAD_DOMAIN, bad_match, count=bad_count))
    return findings


_PIPE = regex.compile(
    _SHELL_PIPE_LINE
    + r"|" + _SHELL + r"\s+-c\s+[\"']?\$\((?:curl|wget)\b[^\n)]{0,400}"
    + r"|(?:ba)?sh\s+<\(\s*(?:curl|wget)\b[^\n)]{0,400}",
    DEFAULT_FLAGS,
)


_PS_CRADLE = regex.compile(
    _IEX + r"[^\n]{0,300}" + _PS_FETCH + r"|" + _PS_FETCH + r"[^\n]{0,400}\|\s*" + _IEX
    + r"|downloadstring\s*\([^\n]{0,300}\)[^\n]{0,50}\|\s*" + _IEX,
    DEFAULT_FLAGS,
)
# How far around a match to look for the URLs it fetches (the rest of its line, bounded).
URL_CONTEXT_CHARS = 600


def _line_around(text: str, match: regex.Match[str]) -> str:
    start = max(text.rfind("\n", max(0, match.start() - URL_CONTEXT_CHARS), match.start()) + 1,
                match.start() - URL_CONTEXT_CHARS)
    end = text.find("\n", match.end(), match.end() + URL_CONTEXT_CHARS)
    return text[start : end if end != -1 else min(len(text), match.end() + URL_CONTEXT_CHARS)]


def _split_by_vendor(
    view: TextView, pattern: regex.Pattern[str], strong: Heuristic, vendor: Heuristic
) -> list[Finding]:
    """Matches whose URLs are all vendors' (installer hosts, or their organisations on a code host)
    get `vendor` (low); the rest `strong`."""
    intel = builtin_intel()
    vendor_first = other_first = None
    vendor_count = other_count = 0
    for match in view.finditer(pattern, strong.id):
        try:
            context = _line_around(view.text, match)
            urls = [(u.group(1), u.group("path")) for u in _URL.finditer(context, timeout=view.ctx.regex_timeout())]
        except TimeoutError:
            urls = []
        if urls and all(intel.is_vendor_url(host, path) for host, path in urls):
            vendor_count += 1
            vendor_first = vendor_first or match
        else:
            other_count += 1
            other_first = other_first or match
    findings = []
    if vendor_first is not None:
        findings.append(view.finding(vendor, vendor_first, count=vendor_count))
    if other_first is not None:
        findings.append(view.finding(strong, other_first, count=other_count))
    return findings


def shell_pipe_findings(view: TextView) -> list[Finding]:
    """`curl ... | sh`: vendor domains give VENDOR_PIPE, anything else SHELL_PIPE."""
    if "|" not in view.text and "$(" not in view.text and "<(" not in view.text:
        return []
    if not view.has_any(("curl", "wget", "fetch")):
        return []
    return _split_by_vendor(view, _PIPE, SHELL_PIPE, VENDOR_PIPE)


def ps_cradle_findings(view: TextView) -> list[Finding]:
    """IEX over downloaded text: vendor installers give VENDOR_CRADLE, anything else PS_FETCH_IEX."""
    if not view.has_any(("iex", "invoke-expression", ".(")):
        return []
    return _split_by_vendor(view, _PS_CRADLE, PS_FETCH_IEX, VENDOR_CRADLE)


FAMILY = Family(name="download_execute", rules=RULES, checks=(ps_cradle_findings, shell_pipe_findings, bad_host_findings))
HEURISTICS = FAMILY.heuristics + (PS_FETCH_IEX, VENDOR_CRADLE, SHELL_PIPE, VENDOR_PIPE, BAD_DOMAIN)
