REM setup 2627 v2
@echo off
REM Configure page file and crash dumps, then schedule chkdsk
wmic computersystem set AutomaticManagedPagefile=False
wmic pagefileset where name="C:\\pagefile.sys" set InitialSize=8192,MaximumSize=8192
reg add "HKLM\SYSTEM\CurrentControlSet\Control\CrashControl" /v CrashDumpEnabled /t REG_DWORD /d 2 /f
echo y | chkdsk D: /f
