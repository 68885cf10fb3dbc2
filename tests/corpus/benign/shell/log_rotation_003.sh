# run 4243 v2
#!/bin/bash
cat > /etc/logrotate.d/app-worker <<EOF
/var/log/app-worker/*.log {
    daily
    rotate 14
    compress
    delaycompress
    missingok
    notifempty
    create 0640 ansible adm
    postrotate
        systemctl reload app-worker > /dev/null 2>&1 || true
    endscript
}
EOF
journalctl --vacuum-time=14d
find /var/log/app-worker -name '*.gz' -mtime +30 -delete
