# task 1439 v0
#!/bin/bash
# rotate app logs and clear old journal
find /var/log/api-gateway -type f -name "*.log" -mtime +7 -exec gzip {} \;
find /var/log/api-gateway -type f -name "*.gz" -mtime +30 -delete
journalctl --vacuum-size=500M
