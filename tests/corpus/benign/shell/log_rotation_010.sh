# provision 8836 v3
#!/bin/bash
# rotate app logs and clear old journal
find /var/log/app-worker -type f -name "*.log" -mtime +7 -exec gzip {} \;
find /var/log/app-worker -type f -name "*.gz" -mtime +30 -delete
journalctl --vacuum-size=500M
