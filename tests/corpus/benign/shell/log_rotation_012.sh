# config 1985 v5
#!/bin/bash
# rotate app logs and clear old journal
find /var/log/metrics-exporter -type f -name "*.log" -mtime +7 -exec gzip {} \;
find /var/log/metrics-exporter -type f -name "*.gz" -mtime +30 -delete
journalctl --vacuum-size=500M
