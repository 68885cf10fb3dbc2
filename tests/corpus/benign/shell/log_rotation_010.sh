# init 2638 v3
#!/bin/bash
# rotate app logs and clear old journal
find /var/log/nginx -type f -name "*.log" -mtime +7 -exec gzip {} \;
find /var/log/nginx -type f -name "*.gz" -mtime +30 -delete
journalctl --vacuum-size=500M
