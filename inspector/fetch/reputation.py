"""What a URL says about itself, without any network: hosts, ports, services, names, intel.

`offline_url_findings()` judges the URL text; `content_mismatch_finding()` judges a fetched
file's name against the type its content was detected as (a `.png` that is a PowerShell
script). Intel lists come from `signatures/intel/` and are read once per process.
"""

from __future__ import annotations

import functools
import ipaddress
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from inspector.stage import Heuristic
from inspector.extensions.plan import PlannedUrl
from inspector.fetch.guard import loose_ipv4, normalise_host
from inspector.model import SCRIPT_TYPES, ArtifactType, DetectionSource, Finding


def _declare(id: str, title: str, description: str, score: int, *attack: str) -> Heuristic:
    return Heuristic(id=id, title=title, description=description, score=score, attack=attack,
                     source=DetectionSource.REPUTATION)


IP_HOST = _declare("reputation.url.ip_host", "URL host is a raw IP address",
                   "Payloads staged on a bare IP address avoid domain reputation and takedown.", 150, "T1105")
OBFUSCATED_IP = _declare("reputation.url.obfuscated_ip", "URL host is an IP address in disguise",
                         "Decimal, octal, hex or shortened IPv4 spellings (2130706433, 0x7f.1) exist to slip "
                         "past filters.", 300, "T1027", "T1105")
UNUSUAL_PORT = _declare("reputation.url.unusual_port", "URL uses a non-default port",
                        "Web servers on unusual ports are typical of ad-hoc staging servers.", 50, "T1571")
USERINFO = _declare("reputation.url.userinfo", "URL carries a user name before the host",
                    "`https://trusted.com@evil.example/` shows a trusted name that is not the host.", 150, "T1036")
DYNAMIC_DNS = _declare("reputation.url.dynamic_dns", "URL host is on a dynamic DNS service",
                       "Free dynamic DNS names point at whatever machine the attacker runs today.", 200, "T1568")
TUNNEL = _declare("reputation.url.tunnel", "URL host is a tunnelling service",
                  "ngrok, Cloudflare quick tunnels and similar expose a machine behind NAT, usually an "
                  "attacker's.", 250, "T1572", "T1105")
PASTE_SITE = _declare("reputation.url.paste_site", "URL points at a paste site",
                      "Paste sites host throw-away second stages; a VM extension has no reason to run one.",
                      200, "T1102", "T1105")
SHORTENER = _declare("reputation.url.shortener", "URL goes through a link shortener",
                     "A shortener hides the real destination of the download.", 150, "T1105")
FILE_DROP = _declare("reputation.url.file_drop", "URL points at an anonymous file drop",
                     "Anonymous upload services are used to stage tools and to exfiltrate.", 200, "T1105")
DOUBLE_EXTENSION = _declare("reputation.url.double_extension", "File name has a double extension",
                            "`invoice.pdf.exe` hides the real type behind a harmless-looking one.", 250,
                            "T1036.007")
LYING_EXTENSION = _declare("reputation.url.lying_extension", "File name lies about its content",
                           "A file named like an image or text document turned out to be code.", 250, "T1036.008")
INTEL_DOMAIN = _declare("reputation.intel.bad_domain", "URL host is on the bad-domain intel list",
                        "The host is listed in signatures/intel as used to stage payloads.", 300, "T1105")

# Every detection this module declares, for the detection catalog (inspector/detections).
DETECTIONS: tuple[Heuristic, ...] = (
    IP_HOST, OBFUSCATED_IP, UNUSUAL_PORT, USERINFO, DYNAMIC_DNS, TUNNEL, PASTE_SITE, SHORTENER, FILE_DROP,
    DOUBLE_EXTENSION, LYING_EXTENSION, INTEL_DOMAIN,
)

DYNAMIC_DNS_SUFFIXES = (
    "duckdns.org", "no-ip.com", "no-ip.org", "no-ip.biz", "no-ip.info", "ddns.net", "hopto.org", "zapto.org",
    "sytes.net", "servebeer.com", "serveftp.com", "servehttp.com", "myftp.biz", "myftp.org", "redirectme.net",
    "dynu.com", "dynu.net", "freedns.afraid.org", "mooo.com", "chickenkiller.com", "dyndns.org", "dynv6.net",
    "changeip.com", "3utilities.com", "bounceme.net", "ddnsking.com", "gotdns.ch", "linkpc.net", "publicvm.com",
)
TUNNEL_SUFFIXES = (
    "ngrok.io", "ngrok-free.app", "ngrok.app", "ngrok-free.dev", "trycloudflare.com", "serveo.net", "loca.lt",
    "localtunnel.me", "pagekite.me", "portmap.io", "portmap.host", "localhost.run", "lhr.life", "bore.pub",
    "playit.gg", "telebit.cloud", "pinggy.link", "pinggy.io", "tunnelmole.net", "devtunnels.ms",
)
PASTE_SUFFIXES = (
    "pastebin.com", "paste.ee", "hastebin.com", "ghostbin.co", "rentry.co", "rentry.org", "controlc.com",
    "pastebin.pl", "dpaste.com", "dpaste.org", "termbin.com", "paste.rs", "justpaste.it", "pastecode.io",
    "privatebin.net", "ix.io", "sprunge.us", "pastes.io", "paste.mozilla.org",
)
SHORTENER_HOSTS = (
    "bit.ly", "tinyurl.com", "is.gd", "v.gd", "t.co", "goo.gl", "cutt.ly", "rb.gy", "ow.ly", "shorturl.at",
    "tiny.cc", "t.ly", "rebrand.ly", "bl.ink", "buff.ly", "s.id", "clck.ru", "qrco.de", "urlz.fr",
)
FILE_DROP_SUFFIXES = (
    "transfer.sh", "temp.sh", "file.io", "0x0.st", "anonfiles.com", "gofile.io", "catbox.moe", "litter.catbox.moe",
    "bashupload.com", "oshi.at", "filebin.net", "tmpfiles.org", "uguu.se", "pixeldrain.com", "sendspace.com",
    "mediafire.com", "cdn.discordapp.com", "files.catbox.moe", "anonymfile.com", "easyupload.io",
)

_DECOY_EXTENSIONS = frozenset({".pdf", ".doc", ".docx", ".xls", ".xlsx", ".txt", ".jpg", ".jpeg", ".png", ".gif",
                               ".bmp", ".ico", ".svg", ".mp3", ".mp4", ".csv", ".log", ".rtf"})
_RUNNABLE_EXTENSIONS = frozenset({".exe", ".dll", ".scr", ".com", ".pif", ".bat", ".cmd", ".ps1", ".psm1", ".vbs",
                                  ".js", ".jse", ".hta", ".msi", ".sh", ".py", ".elf", ".bin", ".lnk", ".jar"})
_CODE_TYPES = SCRIPT_TYPES | {ArtifactType.PE, ArtifactType.ELF}


@dataclass(frozen=True)
class Intel:
    """Intel lists from signatures/intel: bad GitHub owners and repositories, bad domains."""

    bad_owners: frozenset[str] = frozenset()
    bad_repos: frozenset[str] = frozenset()  # "owner/repo"
    bad_domains: frozenset[str] = frozenset()


def signatures_dir() -> Path:
    """The built-in signatures folder: in the wheel, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_signatures"
    return packaged if packaged.is_dir() else here.parent / "signatures"


def read_list(path: Path) -> frozenset[str]:
    """One entry per line, `#` comments and blank lines ignored, case-folded. Missing: empty."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return frozenset()
    entries = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return frozenset(e for e in entries if e)


def load_intel(folder: Path | None = None) -> Intel:
    intel_dir = (folder or signatures_dir()) / "intel"
    return Intel(
        bad_owners=read_list(intel_dir / "github_owners.txt") | read_list(intel_dir / "bad_repo_owners.txt"),
        bad_repos=read_list(intel_dir / "github_repos.txt"),
        bad_domains=read_list(intel_dir / "bad_domains.txt"),
    )


@functools.cache
def default_intel() -> Intel:
    """The built-in intel lists, read once per process (they change with a release)."""
    return load_intel()


def host_matches(host: str, suffixes: tuple[str, ...] | frozenset[str]) -> bool:
    """True when host is one of the entries or a subdomain of one."""
    return any(host == s or host.endswith("." + s) for s in suffixes)


def _finding(heuristic: Heuristic, url: str, snippet: str | None = None) -> Finding:
    return Finding(
        id=heuristic.id, source="reputation", title=heuristic.title, description=heuristic.description,
        attack=list(heuristic.attack), score=heuristic.score, url=url, snippet=snippet,
    )


def url_file_name(url: str) -> str:
    try:
        path = urlsplit(url).path
    except ValueError:
        return ""
    return posixpath.basename(unquote(path)).lower()


def offline_url_findings(planned: PlannedUrl, intel: Intel | None = None) -> list[Finding]:
    """Signals in the URL text alone. A GitHub URL by itself is not one: public templates use them."""
    intel = intel if intel is not None else default_intel()
    try:
        parts = urlsplit(planned.url)
        host = normalise_host(parts.hostname or "")
        port = parts.port
    except ValueError:
        return []
    url = planned.redacted
    found: list[Finding] = []
    literal = None
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        if loose_ipv4(host) is not None:
            found.append(_finding(OBFUSCATED_IP, url, host[:80]))
    if literal is not None:
        found.append(_finding(IP_HOST, url, host))
    if port is not None and port != {"http": 80, "https": 443}.get(parts.scheme.lower()):
        found.append(_finding(UNUSUAL_PORT, url, str(port)))
    if "@" in parts.netloc:
        found.append(_finding(USERINFO, url))
    categories = (
        (TUNNEL, TUNNEL_SUFFIXES), (DYNAMIC_DNS, DYNAMIC_DNS_SUFFIXES), (PASTE_SITE, PASTE_SUFFIXES),
        (SHORTENER, SHORTENER_HOSTS), (FILE_DROP, FILE_DROP_SUFFIXES),
    )
    matched = [h for h, suffixes in categories if host and host_matches(host, suffixes)]
    found.extend(_finding(h, url, host) for h in matched[:1])
    # The intel list repeats some categories above; count a host once.
    if not matched and host and host_matches(host, intel.bad_domains):
        found.append(_finding(INTEL_DOMAIN, url, host))
    name = url_file_name(planned.url)
    stem, last = posixpath.splitext(name)
    if last in _RUNNABLE_EXTENSIONS and posixpath.splitext(stem)[1] in _DECOY_EXTENSIONS:
        found.append(_finding(DOUBLE_EXTENSION, url, name[:80]))
    return found


def content_mismatch_finding(planned: PlannedUrl, detected: ArtifactType) -> Finding | None:
    """A file whose name says image/document/text but whose content is code or an executable."""
    name = url_file_name(planned.url)
    if posixpath.splitext(name)[1] in _DECOY_EXTENSIONS and detected in _CODE_TYPES:
        return _finding(LYING_EXTENSION, planned.redacted, f"{name[:80]} is {detected.value}")
    return None
