"""AMSI and script-logging bypasses: the script blinds the tools that would record it.

No administrative script has a reason to touch AMSI internals or the PowerShell logging
providers, so every rule here is strong on its own.
"""

from __future__ import annotations

from inspector.stage import Heuristic
from inspector.analyzers.heuristics.patterns import Family, PatternRule

AMSI_INIT_FAILED = Heuristic(
    id="heur.amsi_logging.amsi_init_failed",
    title="AMSI disabled through AmsiUtils",
    description="Reflection on System.Management.Automation.AmsiUtils (amsiInitFailed / amsiSession) "
    "turns off the Antimalware Scan Interface for the session.",
    score=600,
    attack=("T1562.001",),
)
AMSI_CONTEXT = Heuristic(
    id="heur.amsi_logging.amsi_patch",
    title="AMSI memory patch",
    description="amsiContext corruption or patching AmsiScanBuffer/AmsiOpenSession in amsi.dll disables "
    "script scanning.",
    score=600,
    attack=("T1562.001",),
)
SCRIPTBLOCK_LOGGING = Heuristic(
    id="heur.amsi_logging.scriptblock_logging_off",
    title="PowerShell script-block logging disabled",
    description="Writes EnableScriptBlockLogging/EnableModuleLogging/EnableTranscripting = 0 or tampers with "
    "the cached group-policy settings that enable them.",
    score=450,
    attack=("T1562.002",),
)
ETW_PROVIDER = Heuristic(
    id="heur.amsi_logging.etw_provider_off",
    title="PowerShell ETW provider disabled",
    description="Reflection on PSEtwLogProvider / etwProvider m_enabled, or patching EtwEventWrite, stops "
    "PowerShell events from reaching the event log.",
    score=550,
    attack=("T1562.006",),
)
HISTORY_SAVE_NOTHING = Heuristic(
    id="heur.amsi_logging.psreadline_no_history",
    title="PSReadLine history disabled",
    description="Set-PSReadlineOption -HistorySaveStyle SaveNothing keeps commands out of the history file.",
    score=150,
    attack=("T1070.003",),
)
DOWNGRADE = Heuristic(
    id="heur.amsi_logging.powershell_v2_downgrade",
    title="PowerShell version 2 downgrade",
    description="powershell -version 2 runs the engine without AMSI and script-block logging.",
    score=250,
    attack=("T1562.010",),
)

RULES = (
    PatternRule(
        AMSI_INIT_FAILED,
        r"amsiutils|amsiinitfailed|amsisession",
        keywords=("amsiutils", "amsiinitfailed", "amsisession"),
    ),
    PatternRule(
        AMSI_CONTEXT,
        r"amsicontext|amsiscanbuffer|amsiopensession|amsi\.dll[\"']?\s*\)?[^\n]{0,200}(?:virtualprotect|getprocaddress)"
        r"|(?:virtualprotect|getprocaddress)[^\n]{0,200}amsi",
        keywords=("amsicontext", "amsiscanbuffer", "amsiopensession", "amsi.dll", "amsi"),
    ),
    PatternRule(
        SCRIPTBLOCK_LOGGING,
        r"(?:enablescriptblocklogging|enablescriptblockinvocationlogging|enablemodulelogging|enabletranscripting)"
        r"[\"']?\s*[,=]?\s*(?:-value\s+)?[\"']?(?:0|\$false)\b"
        r"|(?:enablescriptblocklogging|enablemodulelogging)[^\n]{0,120}(?:-value|/d)\s+[\"']?0\b"
        r"|cachedgrouppolicysettings|signatures\s*=\s*new-object[^\n]{0,80}hashset",
        keywords=("enablescriptblock", "enablemodulelogging", "enabletranscripting", "cachedgrouppolicysettings"),
    ),
    PatternRule(
        ETW_PROVIDER,
        r"psetwlogprovider|etwprovider[^\n]{0,100}m_enabled|eventprovider[^\n]{0,80}m_enabled|etweventwrite",
        keywords=("psetwlogprovider", "etwprovider", "m_enabled", "etweventwrite"),
    ),
    PatternRule(
        HISTORY_SAVE_NOTHING,
        r"set-psreadlineoption[^\n]{0,100}-historysavestyle\s+savenothing|remove-item[^\n]{0,80}\(get-psreadlineoption\)\.historysavepath",
        keywords=("psreadline",),
    ),
    PatternRule(
        DOWNGRADE,
        r"\bpowershell(?:\.exe)?\s+(?:-\w+\s+){0,4}-v(?:ersion)?\s+2(?:\.0)?\b",
        keywords=("powershell",),
    ),
)

FAMILY = Family(name="amsi_logging", rules=RULES)
HEURISTICS = FAMILY.heuristics
