"""Credential access: LSASS and hive dumps, mimikatz, shadow files, cloud credentials, IMDS tokens.

On an Azure VM the prize is often the managed identity: a token from the instance metadata
service (`169.254.169.254/metadata/identity/oauth2/token`) for Azure Resource Manager lets
the intruder act on the whole subscription. Scripts that fetch a Key Vault token are
normal, and so are admin scripts that call ARM with the VM's own identity (tags, health
reports), so a token request alone, even for ARM, stays below the alert threshold; sending the
token elsewhere, or using it for the calls that reach other machines or secrets (Run Command,
extensions, role assignments, keys), is what makes it theft.
"""

from __future__ import annotations

from inspector.stage import Heuristic
from inspector.analyzers.heuristics.patterns import Family, PatternRule

MIMIKATZ = Heuristic(
    id="heur.credential_access.mimikatz",
    title="Mimikatz",
    description="Mimikatz binaries, modules or commands (sekurlsa::logonpasswords, lsadump::, "
    "Invoke-Mimikatz) dump credentials from memory.",
    score=800,
    attack=("T1003.001", "T1003.002"),
)
LSASS_DUMP = Heuristic(
    id="heur.credential_access.lsass_dump",
    title="LSASS process memory dumped",
    description="comsvcs.dll MiniDump, procdump -ma lsass, Out-Minidump or createdump against lsass copy "
    "the credential store of Windows out of memory.",
    score=700,
    attack=("T1003.001",),
)
HIVE_SAVE = Heuristic(
    id="heur.credential_access.sam_hive_save",
    title="SAM/SECURITY registry hive saved",
    description="reg save HKLM\\SAM or HKLM\\SECURITY copies local password hashes and LSA secrets.",
    score=500,
    attack=("T1003.002", "T1003.004"),
)
NTDS = Heuristic(
    id="heur.credential_access.ntds",
    title="Active Directory database copied",
    description="ntdsutil IFM or copying ntds.dit (often from a shadow copy) exports every domain hash.",
    score=600,
    attack=("T1003.003",),
)
SHADOW_READ = Heuristic(
    id="heur.credential_access.etc_shadow",
    title="/etc/shadow read or copied",
    description="Reading or copying /etc/shadow (or unshadow) collects Linux password hashes.",
    score=350,
    attack=("T1003.008",),
)
CLOUD_CRED_FILES = Heuristic(
    id="heur.credential_access.cloud_credential_files",
    title="Cloud CLI credential files read",
    description="Reads Azure CLI token caches (~/.azure/accessTokens.json, msal_token_cache), AWS "
    "credentials, GCP or kube configs: stolen for lateral movement into the cloud control plane.",
    score=350,
    attack=("T1552.001",),
)
CLOUD_CRED_MENTION = Heuristic(
    id="heur.credential_access.cloud_credential_path",
    title="Cloud credential path referenced",
    description="A cloud CLI credential path appears (dual-use: setup scripts write these files).",
    score=40,
    attack=("T1552.001",),
)
IMDS_TOKEN = Heuristic(
    id="heur.credential_access.imds_token",
    title="Managed identity token requested from IMDS",
    description="Calls the instance metadata token endpoint (/metadata/identity/oauth2/token). Normal for "
    "a script that reads Key Vault; combined with other evidence it is token theft.",
    score=100,
    attack=("T1552.005",),
)
IMDS_ARM_TOKEN = Heuristic(
    id="heur.credential_access.imds_arm_token",
    title="Managed identity token for Azure Resource Manager",
    description="A token for https://management.azure.com/ from IMDS can run commands on every VM the "
    "identity can reach (publicly documented Run Command abuse). Dual-use alone: admin scripts call ARM "
    "with the VM's identity; what the token is used for decides.",
    # With imds_token (100) the request totals 200: room for the weak signals every script has
    # (entropy, a metadata query) below the alert threshold; abuse or exfiltration pass it.
    score=100,
    attack=("T1552.005", "T1078.004"),
)
IMDS_TOKEN_EXFIL = Heuristic(
    id="heur.credential_access.imds_token_exfil",
    title="IMDS token sent to another host",
    description="The script requests an IMDS token and posts data to a URL: the token leaves the VM.",
    score=300,
    attack=("T1552.005", "T1041"),
)
IMDS_ARM_ABUSE = Heuristic(
    id="heur.credential_access.imds_token_arm_abuse",
    title="IMDS token used for Run Command, extensions, roles or keys",
    description="The script takes a managed identity token from IMDS and calls Azure Resource Manager "
    "operations that run code on other VMs (runCommand, extensions), grant access (roleAssignments) or "
    "read secrets (listKeys, secrets): the documented way a stolen identity spreads.",
    score=250,
    attack=("T1552.005", "T1078.004", "T1651"),
)
IMDS_QUERY = Heuristic(
    id="heur.credential_access.imds_query",
    title="Instance metadata service queried",
    description="Sends the `Metadata: true` header to 169.254.169.254 (dual-use: bootstrap scripts read "
    "the VM's name, tags and network from it).",
    score=10,
    attack=("T1552.005",),
)
WIRESERVER = Heuristic(
    id="heur.credential_access.wireserver",
    title="Azure WireServer queried",
    description="168.63.129.16 serves the VM agent's goal state, extension settings and certificates; "
    "scripts have little reason to talk to it.",
    score=150,
    attack=("T1552.005",),
)
CREDENTIAL_TOOLS = Heuristic(
    id="heur.credential_access.credential_tools",
    title="Credential harvesting tool",
    description="LaZagne, Get-GPPPassword, Invoke-Kerberoast / Rubeus, SharpChrome/SharpDPAPI, secretsdump, "
    "or vaultcmd listing credentials.",
    score=500,
    attack=("T1555", "T1558.003"),
)
WIFI_KEYS = Heuristic(
    id="heur.credential_access.stored_credentials",
    title="Stored credentials enumerated",
    description="cmdkey /list, netsh wlan show profile key=clear or findstr for passwords in files.",
    score=120,
    attack=("T1552.001", "T1555"),
)

_CLOUD_CRED_PATHS = (
    r"(?:\.aws[/\\]credentials|\.config[/\\]gcloud[/\\](?:credentials\.db|access_tokens\.db|application_default_credentials\.json)"
    r"|\.kube[/\\]config\b)"
)
_IMDS_TOKEN = r"169\.254\.169\.254[/:\d]{0,8}/metadata/identity/oauth2/token|/metadata/identity/oauth2/token"

RULES = (
    PatternRule(
        MIMIKATZ,
        r"\bmimikatz\b|sekurlsa::|lsadump::|kerberos::(?:golden|ptt|list)|privilege::debug|invoke-mimikatz|\bmimilib\b"
        r"|crypto::(?:capi|cng)|dpapi::|token::elevate|misc::skeleton|\bpypykatz\b",
        keywords=("mimikatz", "sekurlsa", "lsadump", "kerberos::", "privilege::", "mimilib", "crypto::", "dpapi::", "token::", "misc::", "pypykatz"),
    ),
    PatternRule(
        LSASS_DUMP,
        r"comsvcs(?:\.dll)?[\"']?\s*[,#\s]\s*(?:minidump|#?24)\b|\bprocdump(?:64)?(?:\.exe)?\b[^\n]{0,80}\blsass"
        r"|out-minidump|minidumpwritedump[^\n]{0,200}lsass|lsass[^\n]{0,200}minidumpwritedump"
        r"|\b(?:createdump|sqldumper|rdrleakdiag)(?:\.exe)?\b[^\n]{0,80}(?:lsass|\$\(?\(?get-process\s+lsass)"
        r"|get-process\s+lsass[^\n]{0,200}(?:dump|comsvcs)",
        keywords=("comsvcs", "procdump", "minidump", "lsass"),
    ),
    PatternRule(
        HIVE_SAVE,
        r"\breg(?:\.exe)?\s+(?:save|export)\s+[\"']?(?:HKLM|HKEY_LOCAL_MACHINE)\\(?:SAM|SECURITY)\b"
        r"|\\(?:windows\\system32\\config|GLOBALROOT\\Device\\HarddiskVolumeShadowCopy\d*\\windows\\system32\\config)\\(?:SAM|SECURITY)\b[^\n]{0,40}"
        r"|\besentutl(?:\.exe)?\b[^\n]{0,80}\\config\\(?:SAM|SECURITY|SYSTEM)\b",
        keywords=("sam", "security", "esentutl"),
    ),
    PatternRule(
        NTDS,
        r"\bntdsutil(?:\.exe)?\b[^\n]{0,120}\b(?:ifm|ac\s+i\s+ntds|create\s+full)\b|(?:copy|cp|copy-item|esentutl)[^\n]{0,200}ntds\.dit",
        keywords=("ntdsutil", "ntds.dit"),
    ),
    PatternRule(
        SHADOW_READ,
        r"(?:\bcat|\bcp|\bscp|\bless|\bmore|\bhead|\btail|\bbase64|\btar\b[^\n]{0,40}|\bcurl\b[^\n]{0,80}|\bgrep\b[^\n]{0,40}|\bawk\b[^\n]{0,60}|\bunshadow|\bxxd|\bdd\s+if=)\s+[^\n|;]{0,40}/etc/(?:shadow|gshadow)\b"
        r"|\bunshadow\b|get-content\s+[\"']?/etc/shadow",
        keywords=("shadow",),
    ),
    PatternRule(
        CLOUD_CRED_FILES,
        # Reading or packing another tool's credentials. Copying *to* these paths is how setup
        # scripts install them, so cp/copy count only with the path as the source; the Azure
        # CLI token caches are never written by scripts and count wherever they appear.
        r"(?:\bcat|\bscp|\btar\b[^\n]{0,40}|\bzip\b[^\n]{0,40}|\bbase64|\bcurl\b[^\n]{0,120}|get-content|\bgc|\btype|\bstrings|\bxxd)[ \t]+[^\n|;>]{0,60}" + _CLOUD_CRED_PATHS
        + r"|\b(?:cp|copy|copy-item)[ \t]+(?:-\S+[ \t]+)*[\"']?\S{0,60}" + _CLOUD_CRED_PATHS + r"[\"']?[ \t]+\S"
        r"|accesstokens\.json|msal_token_cache|service_principal_entries\.json|\bTokenCache\.dat\b",
        keywords=("accesstokens", "msal_token_cache", "service_principal_entries", "tokencache", ".aws", "gcloud", ".kube"),
    ),
    PatternRule(
        CLOUD_CRED_MENTION,
        r"\.aws[/\\]credentials|\.azure[/\\]|\.kube[/\\]config|\.config[/\\]gcloud",
        keywords=(".aws", ".azure", ".kube", "gcloud"),
    ),
    PatternRule(
        IMDS_QUERY,
        r"metadata[\"']?\s*[:=]\s*[\"']?true\b",
        keywords=("metadata",),
        requires=(r"169\.254\.169\.254",),
    ),
    PatternRule(IMDS_TOKEN, _IMDS_TOKEN, keywords=("oauth2/token",)),
    PatternRule(
        IMDS_ARM_TOKEN,
        r"(?:" + _IMDS_TOKEN + r")[^\n]{0,300}resource=(?:https?(?:%3a|:)(?:%2f|/){2})?management\.(?:core\.windows\.net|azure\.com)",
        keywords=("oauth2/token",),
    ),
    PatternRule(
        IMDS_ARM_ABUSE,
        r"management\.(?:azure\.com|core\.windows\.net)/[^\s\"'`]{0,400}/(?:runcommands?|extensions|roleassignments"
        r"|listkeys|listsecrets|secrets|listcredentials?|accesstokens?)\b",
        keywords=("management.",),
        requires=(_IMDS_TOKEN,),
    ),
    PatternRule(
        IMDS_TOKEN_EXFIL,
        _IMDS_TOKEN,
        keywords=("oauth2/token",),
        requires=(
            # curl's short options are case-sensitive (-d/-F/-T send data, -D/-f/-t do not) and must be
            # curl's own: `curl ... | cut -d =` is not a POST
            r"-method\s+[\"']?post\b|\bcurl\b[^\n|;&]{0,200}(?:(?-i:\s-d\s|\s-F\s|\s-T\s)|\s--data(?:-binary|-raw)?\b|-X\s*POST|--upload-file)|\bwget\b[^\n|;&]{0,200}--post-(?:data|file)|uploadstring|uploaddata|uploadfile",
        ),
    ),
    PatternRule(WIRESERVER, r"168\.63\.129\.16(?::\d+)?/(?:machine|\?comp=|metadata|vmSettings)|168\.63\.129\.16:32526", keywords=("168.63.129.16",)),
    PatternRule(
        CREDENTIAL_TOOLS,
        r"\blazagne\b|get-gpppassword|invoke-kerberoast|\brubeus(?:\.exe)?\b|sharpchrome|sharpdpapi|\bsecretsdump(?:\.py)?\b|\bvaultcmd(?:\.exe)?\s+/listcreds"
        r"|invoke-dcsync|get-lapspasswords|\bseatbelt(?:\.exe)?\b|\bsnaffler\b",
        keywords=("lazagne", "gpppassword", "kerberoast", "rubeus", "sharpchrome", "sharpdpapi", "secretsdump", "vaultcmd", "dcsync", "lapspasswords", "seatbelt", "snaffler"),
    ),
    PatternRule(
        WIFI_KEYS,
        r"\bcmdkey(?:\.exe)?\s+/list|netsh\s+wlan\s+show\s+profiles?\b[^\n]{0,80}key\s*=\s*clear|findstr\s+/si\s+password",
        keywords=("cmdkey", "wlan", "findstr"),
    ),
)

FAMILY = Family(name="credential_access", rules=RULES)
HEURISTICS = FAMILY.heuristics
