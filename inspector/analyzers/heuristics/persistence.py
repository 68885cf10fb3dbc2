"""Persistence: cron, systemd, rc files, SSH keys, scheduled tasks, Run keys, services,
WMI subscriptions and new local administrators.

Admin scripts create cron jobs, units, tasks and services every day, so creating one is
dual-use (low score). What makes it strong is *what* it runs: a download, an encoded or
hidden PowerShell, a binary in a temporary or hidden folder, an interactive shell.
"""

from __future__ import annotations

from inspector.stage import Heuristic
from inspector.analyzers.heuristics.patterns import HIDDEN_DIR, Family, PatternRule
from inspector.analyzers.heuristics.registry_writes import PROFILER

# What a persistent entry runs that makes it suspicious (used by several rules below).
# `-e BLOB` is PowerShell's encoded command: a base64 word, not a path (`test -e /var/x`).
_BAD_PAYLOAD = (
    r"(?:\bcurl\b|\bwget\b|/dev/tcp|base64\s+-d|base64\s+--decode|/tmp/|/dev/shm/|/var/tmp/|" + HIDDEN_DIR
    + r"|\bnc\b|python[0-9.]*\s+-c|bash\s+-i|\|\s*(?:ba)?sh\b|-e(?:nc(?:odedcommand)?)?\s+[A-Za-z0-9+][A-Za-z0-9+/=]{19,}(?![A-Za-z0-9+/=._-])|-w(?:indowstyle)?\s+hidden|downloadstring|\biex\b|invoke-expression"
    r"|frombase64string|\\users\\public\\|\\appdata\\|%temp%|%appdata%|\$env:(?:temp|appdata|public)|\\windows\\temp\\|mshta|regsvr32|rundll32|certutil|bitsadmin|\bwscript\b|\bcscript\b)"
)

CRON = Heuristic(
    id="heur.persistence.cron",
    title="Cron job added",
    description="Writes a crontab or a file under /etc/cron.* (dual-use: backups and log jobs).",
    score=30,
    attack=("T1053.003",),
)
CRON_BAD = Heuristic(
    id="heur.persistence.cron_payload",
    title="Cron job runs a download, decoder or hidden binary",
    description="A cron entry that fetches code, decodes base64, opens a shell or runs from /tmp or a hidden directory.",
    score=350,
    attack=("T1053.003",),
)
SYSTEMD = Heuristic(
    id="heur.persistence.systemd_unit",
    title="systemd unit created",
    description="Writes a unit under /etc/systemd/system or ~/.config/systemd (dual-use: service installs).",
    score=20,
    attack=("T1543.002",),
)
SYSTEMD_BAD = Heuristic(
    id="heur.persistence.systemd_payload",
    title="systemd unit runs a download, decoder or hidden binary",
    description="An ExecStart that fetches code, decodes base64, opens a shell or runs from /tmp or a hidden directory.",
    score=350,
    attack=("T1543.002",),
)
RC_FILES = Heuristic(
    id="heur.persistence.shell_rc",
    title="Shell start-up file modified",
    description="Appends to .bashrc/.profile/rc.local//etc/profile.d (dual-use: PATH and environment setup).",
    score=20,
    attack=("T1546.004", "T1037.004"),
)
RC_BAD = Heuristic(
    id="heur.persistence.shell_rc_payload",
    title="Shell start-up file runs a download or hidden binary",
    description="A start-up file line that fetches code, opens a shell or runs from /tmp or a hidden directory.",
    score=350,
    attack=("T1546.004", "T1037.004"),
)
AUTHORIZED_KEYS = Heuristic(
    id="heur.persistence.authorized_keys",
    title="SSH key added to authorized_keys",
    description="Appends a public key to authorized_keys (dual-use for provisioning; VMAccess exists for it).",
    score=60,
    attack=("T1098.004",),
)
ROOT_AUTHORIZED_KEYS = Heuristic(
    id="heur.persistence.root_authorized_keys",
    title="SSH key added for root",
    description="Appends a key to /root/.ssh/authorized_keys or locks the file (chattr +i), as botnet "
    "scripts (TeamTNT, Kinsing) do.",
    score=300,
    attack=("T1098.004",),
)
SSHD_ROOT_LOGIN = Heuristic(
    id="heur.persistence.sshd_root_login",
    title="sshd set to permit root login",
    description="PermitRootLogin yes written to sshd_config. Dual-use: lab and test images enable it; botnet "
    "scripts do it next to planting a root key, which is scored on its own.",
    score=150,
    attack=("T1098.004",),
)
SCHTASK = Heuristic(
    id="heur.persistence.scheduled_task",
    title="Scheduled task created",
    description="schtasks /create or Register-ScheduledTask (dual-use: maintenance jobs).",
    score=30,
    attack=("T1053.005",),
)
SCHTASK_BAD = Heuristic(
    id="heur.persistence.scheduled_task_payload",
    title="Scheduled task runs a download, encoded or hidden command",
    description="The task action runs encoded/hidden PowerShell, a LOLBin, a URL or a binary from a "
    "user-writable folder.",
    score=350,
    attack=("T1053.005",),
)
RUN_KEY = Heuristic(
    id="heur.persistence.run_key",
    title="Registry Run/RunOnce key written",
    description="A value under ...\\CurrentVersion\\Run(Once) starts a program at every logon (dual-use: "
    "admin tools such as BGInfo register there).",
    score=150,
    attack=("T1547.001",),
)
RUN_KEY_BAD = Heuristic(
    id="heur.persistence.run_key_payload",
    title="Run key starts a download, script host or user-writable binary",
    description="The Run/RunOnce value runs mshta/powershell/a download or a program in Public, AppData, "
    "ProgramData or Temp (installed software lives in Program Files).",
    score=350,
    attack=("T1547.001",),
)
WINLOGON = Heuristic(
    id="heur.persistence.winlogon_ifeo",
    title="Winlogon, IFEO or accessibility hijack",
    description="Changes Winlogon Userinit/Shell, Image File Execution Options Debugger or replaces "
    "sethc/utilman: runs code at logon or at the lock screen.",
    score=500,
    attack=("T1547.004", "T1546.012", "T1546.008"),
)
SERVICE = Heuristic(
    id="heur.persistence.service",
    title="Windows service created",
    description="sc create / New-Service (dual-use: agent installs).",
    score=30,
    attack=("T1543.003",),
)
SERVICE_BAD = Heuristic(
    id="heur.persistence.service_payload",
    title="Windows service runs a shell, encoded or hidden command",
    description="A service binPath of cmd/powershell, a URL or a binary in a user-writable folder.",
    score=350,
    attack=("T1543.003",),
)
WMI_SUBSCRIPTION = Heuristic(
    id="heur.persistence.wmi_subscription",
    title="WMI event subscription",
    description="__EventFilter + CommandLineEventConsumer/ActiveScriptEventConsumer + binding: fileless "
    "persistence that survives reboots.",
    score=500,
    attack=("T1546.003",),
)
LOCAL_USER = Heuristic(
    id="heur.persistence.local_user_created",
    title="Local user account created",
    description="net user /add, New-LocalUser or useradd/adduser (dual-use: provisioning).",
    score=60,
    attack=("T1136.001",),
)
ADMIN_GROUP = Heuristic(
    id="heur.persistence.admin_group_add",
    title="Account added to an administrators group",
    description="net localgroup administrators /add, Add-LocalGroupMember Administrators, usermod -aG "
    "sudo/wheel (dual-use: domain join adds groups).",
    score=100,
    attack=("T1098",),
)
NEW_LOCAL_ADMIN = Heuristic(
    id="heur.persistence.new_local_admin",
    title="New local administrator created",
    description="The same script creates a local account and puts it in Administrators, or adds a second "
    "uid-0 account: the backdoor account pattern seen through Custom Script Extension and Run Command.",
    score=300,
    attack=("T1136.001", "T1098"),
)
SUDOERS = Heuristic(
    id="heur.persistence.sudoers",
    title="sudoers edited for passwordless root",
    description="Appends NOPASSWD:ALL to /etc/sudoers or a sudoers.d file.",
    score=100,
    attack=("T1548.003",),
)
LD_PRELOAD = Heuristic(
    id="heur.persistence.ld_preload",
    title="Dynamic linker hijack",
    description="Writes /etc/ld.so.preload: a rootkit library loaded into every process (Kinsing, TeamTNT).",
    score=500,
    attack=("T1574.006",),
)

_CRON_WRITE = (
    r"(?:crontab\s+(?:-u\s+\S+\s+)?-\s*$|crontab\s+(?:-u\s+\S+\s+)?-(?:\s|\)|;|\|)|\|\s*crontab\s|crontab\s+[^-\s]\S*|>>?\s*[\"']?/etc/crontab\b|>>?\s*[\"']?/etc/cron\.(?:d|hourly|daily|weekly|monthly)/"
    r"|>>?\s*[\"']?/var/spool/cron/|tee\s+(?:-a\s+)?/etc/cron(?:tab|\.d/))"
)

RULES = (
    PatternRule(CRON, _CRON_WRITE, keywords=("crontab", "/etc/cron", "/var/spool/cron")),
    PatternRule(
        CRON_BAD,
        r"(?:(?:^|[\"'(;]|echo\s+[\"']?)\s*(?:@reboot|@hourly|@daily|(?:[\d*/,\-]+\s+){4}[\d*/,\-]+)\s+(?:root\s+)?[^\n]{0,300}" + _BAD_PAYLOAD + r")",
        keywords=("crontab", "/etc/cron", "/var/spool/cron", "@reboot"),
        requires=(_CRON_WRITE + r"|@reboot",),
    ),
    PatternRule(
        SYSTEMD,
        r"(?:/etc/systemd/system|/lib/systemd/system|/usr/lib/systemd/system|\.config/systemd/user)/[A-Za-z0-9@._-]{1,100}\.(?:service|timer)",
        keywords=("systemd",),
        requires=(r"ExecStart\s*=|cp\s+\S+\s+/etc/systemd|systemctl\s+(?:--user\s+)?enable",),
    ),
    PatternRule(
        SYSTEMD_BAD,
        r"^\s*ExecStart(?:Pre|Post)?\s*=\s*[^\n]{0,300}" + _BAD_PAYLOAD,
        keywords=("execstart",),
    ),
    PatternRule(
        RC_FILES,
        r"(?:>>|tee\s+-a)\s*[\"']?(?:~|\$HOME|/root|/home/[^/\s]+)?/?\.(?:bashrc|bash_profile|profile|zshrc|bash_login)\b|(?:>>?|tee\s+(?:-a\s+)?)\s*[\"']?/etc/(?:rc\.local|profile|bash\.bashrc|profile\.d/\S+|init\.d/\S+)",
        keywords=("bashrc", "profile", "rc.local", "zshrc", "bash_login", "init.d"),
    ),
    PatternRule(
        RC_BAD,
        r"^[^\n]{0,300}" + _BAD_PAYLOAD + r"[^\n]{0,300}(?:>>|tee\s+-a)\s*[\"']?(?:~|\$HOME|/root|/home/[^/\s]+)?/?(?:\.bashrc|\.bash_profile|\.profile|\.zshrc|etc/rc\.local|etc/profile(?:\.d/\S+)?)\b",
        keywords=("bashrc", "profile", "rc.local", "zshrc"),
        # Every match holds `>>` or `tee -a`: PowerShell's `$PROFILE` passes the first keywords in
        # most scripts, and this pattern's nested 300-character windows are the costliest of the
        # heuristics there (docs/performance.md, issue 16).
        also_keywords=(">>", "tee"),
    ),
    PatternRule(
        AUTHORIZED_KEYS,
        r"(?:>>?|tee\s+(?:-a\s+)?|add-content|out-file[^\n]{0,40}-append)\s*(?:-path\s+)?[\"']?[^\s\"']{0,100}authorized_keys2?\b",
        keywords=("authorized_keys",),
    ),
    PatternRule(
        ROOT_AUTHORIZED_KEYS,
        r"(?:>>?|tee\s+(?:-a\s+)?)\s*[\"']?(?:/root|~root)/\.ssh/authorized_keys2?\b"
        r"|chattr\s+\+[ia]+\s+[^\n]{0,40}authorized_keys",
        keywords=("authorized_keys",),
    ),
    PatternRule(
        SSHD_ROOT_LOGIN,
        r"PermitRootLogin\s+yes[^\n]{0,40}(?:>>|/etc/ssh/sshd_config)|sed\s+[^\n]{0,80}PermitRootLogin[^\n]{0,40}yes",
        keywords=("permitrootlogin",),
    ),
    PatternRule(
        SCHTASK,
        r"\bschtasks(?:\.exe)?\s+/create\b|register-scheduledtask\b|new-scheduledtaskaction\b|\bat(?:\.exe)?\s+\d{1,2}:\d{2}\s",
        keywords=("schtasks", "scheduledtask", "at"),
    ),
    PatternRule(
        SCHTASK_BAD,
        r"\bschtasks(?:\.exe)?\s+/create\b[^\n]{0,400}" + _BAD_PAYLOAD
        + r"|new-scheduledtaskaction\b[^\n]{0,400}" + _BAD_PAYLOAD
        + r"|\bschtasks(?:\.exe)?\s+/create\b[^\n]{0,300}\\windowsazure\\",
        keywords=("schtasks", "scheduledtaskaction"),
    ),
    PatternRule(
        RUN_KEY,
        r"\\(?:software\\)?(?:wow6432node\\)?microsoft\\windows\\currentversion\\(?:run|runonce|runservices|policies\\explorer\\run)\b[\"']?"
        r"[^\n]{0,200}(?:/v\b|-name\b|-value\b|/d\b|setvalue|new-itemproperty|set-itemproperty)"
        r"|(?:new-itemproperty|set-itemproperty|reg(?:\.exe)?\s+add)[^\n]{0,200}\\currentversion\\run(?:once)?\b",
        keywords=("currentversion\\run",),
    ),
    PatternRule(
        RUN_KEY_BAD,
        r"\\currentversion\\run(?:once)?\b[^\n]{0,300}(?:" + _BAD_PAYLOAD + r"|powershell|\\programdata\\|\$env:programdata)",
        keywords=("currentversion\\run",),
    ),
    PatternRule(
        WINLOGON,
        r"\\winlogon[\"']?\s*[^\n]{0,80}\b(?:userinit|shell)\b[^\n]{0,80}(?:/d|-value)|\\image file execution options\\[^\n]{0,80}(?:debugger|globalflag)"
        r"|(?:copy|cp|copy-item|move|takeown)[^\n]{0,120}\\system32\\(?:sethc|utilman|osk|magnify|narrator|displayswitch)\.exe",
        keywords=("winlogon", "image file execution options", "sethc", "utilman", "osk.exe", "magnify", "narrator", "displayswitch"),
    ),
    PatternRule(SERVICE, r"\bsc(?:\.exe)?\s+(?:\\\\\S+\s+)?create\b|\bnew-service\b", keywords=("sc", "new-service")),
    PatternRule(
        SERVICE_BAD,
        r"(?:\bsc(?:\.exe)?\s+(?:\\\\\S+\s+)?(?:create|config)\b|\bnew-service\b)[^\n]{0,300}(?:binpath\s*=\s*|-binarypathname\s+)[\"']?[^\n]{0,40}(?:cmd(?:\.exe)?\s+/c|powershell|" + _BAD_PAYLOAD + r")",
        keywords=("binpath", "binarypathname"),
    ),
    PatternRule(
        WMI_SUBSCRIPTION,
        r"__eventfilter|commandlineeventconsumer|activescripteventconsumer|__filtertoconsumerbinding",
        keywords=("__eventfilter", "eventconsumer", "__filtertoconsumerbinding"),
    ),
    PatternRule(
        LOCAL_USER,
        r"\bnet1?(?:\.exe)?\s+user\s+\S+\s+\S+[^\n]{0,80}/add\b|\bnet1?(?:\.exe)?\s+user\s+/add\b|\bnew-localuser\b|\buseradd\b|\badduser\b|\[adsi\][^\n]{0,80}create\([\"']user",
        keywords=("net", "new-localuser", "useradd", "adduser", "adsi"),
    ),
    PatternRule(
        ADMIN_GROUP,
        r"\bnet1?(?:\.exe)?\s+localgroup\s+[\"']?(?:administrators|administradores|administrateurs|remote desktop users)[\"']?\s+\S+[^\n]{0,40}/add\b"
        r"|add-localgroupmember\b[^\n]{0,120}(?:administrators|remote desktop users)|\busermod\s+(?:-\w+\s+)*-a?G\s+(?:\S+,)?(?:sudo|wheel|admin|root)\b"
        r"|\bgpasswd\s+-a\s+\S+\s+(?:sudo|wheel)\b|\badduser\s+\S+\s+(?:sudo|wheel)\b|\buseradd\b[^\n]{0,120}-G\s+(?:\S+,)?(?:sudo|wheel|root)\b",
        keywords=("localgroup", "localgroupmember", "usermod", "gpasswd", "adduser", "useradd"),
    ),
    PatternRule(
        NEW_LOCAL_ADMIN,
        r"\bnet1?(?:\.exe)?\s+user\s+\S+\s+\S+[^\n]{0,80}/add\b|\bnew-localuser\b|\[adsi\][^\n]{0,80}create\([\"']user",
        keywords=("net", "new-localuser", "adsi"),
        requires=(
            r"\bnet1?(?:\.exe)?\s+localgroup\s+[\"']?(?:administrators|administradores|administrateurs)[\"']?\s+\S+[^\n]{0,40}/add\b"
            r"|add-localgroupmember\b[^\n]{0,120}administrators|\[adsi\][^\n]{0,120}administrators[^\n]{0,120}\.add\(",
        ),
    ),
    PatternRule(
        NEW_LOCAL_ADMIN,
        r"\buseradd\b[^\n]{0,120}-o\b[^\n]{0,40}-u\s*0\b|\buseradd\b[^\n]{0,120}-u\s*0\b[^\n]{0,40}-o\b|:0:0:[^\n]{0,80}>>\s*/etc/passwd",
        keywords=("useradd", "/etc/passwd"),
    ),
    PatternRule(
        SUDOERS,
        r"NOPASSWD\s*:\s*ALL[^\n]{0,80}(?:>>|tee)[^\n]{0,40}/etc/sudoers|(?:>>|tee\s+(?:-a\s+)?)\s*[\"']?/etc/sudoers\b",
        keywords=("sudoers",),
    ),
    PatternRule(LD_PRELOAD, r"/etc/ld\.so\.preload", keywords=("ld.so.preload",)),
    # The .NET runtime's injection variables set in the script's environment (the registry form
    # is in registry_writes): `$env:COR_PROFILER = ...`, `set DOTNET_STARTUP_HOOKS=...`.
    PatternRule(
        PROFILER,
        r"(?i)(?:\$env:|\$\{env:|\bset\s+\"?|\bexport\s+)(?:cor_enable_profiling|cor_profiler(?:_path)?|"
        r"coreclr_enable_profiling|coreclr_profiler(?:_path)?|dotnet_startup_hooks)\}?\s*=",
        keywords=("cor_profiler", "cor_enable_profiling", "coreclr_", "dotnet_startup_hooks"),
    ),
)

FAMILY = Family(name="persistence", rules=RULES)
HEURISTICS = FAMILY.heuristics
