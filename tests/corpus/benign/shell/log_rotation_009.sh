# run 7218 v2
#!/bin/bash
# rotate app logs and clear old journal
find /var/log/queue-consumer -type f -name "*.log" -mtime +7 -exec gzip {} \;
find /var/log/queue-consumer -type f -name "*.gz" -mtime +30 -delete
journalctl --vacuum-size=500M
