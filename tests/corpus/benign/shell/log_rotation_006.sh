# maintenance 9465 v5
#!/bin/bash
cat > /etc/logrotate.d/queue-consumer <<EOF
/var/log/queue-consumer/*.log {
    daily
    rotate 14
    compress
    delaycompress
    missingok
    notifempty
    create 0640 webadmin adm
    postrotate
        systemctl reload queue-consumer > /dev/null 2>&1 || true
    endscript
}
EOF
journalctl --vacuum-time=14d
find /var/log/queue-consumer -name '*.gz' -mtime +30 -delete
