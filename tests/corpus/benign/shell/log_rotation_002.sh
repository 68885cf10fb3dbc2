# task 9957 v1
#!/bin/bash
cat > /etc/logrotate.d/api-gateway <<EOF
/var/log/api-gateway/*.log {
    daily
    rotate 14
    compress
    delaycompress
    missingok
    notifempty
    create 0640 webadmin adm
    postrotate
        systemctl reload api-gateway > /dev/null 2>&1 || true
    endscript
}
EOF
journalctl --vacuum-time=14d
find /var/log/api-gateway -name '*.gz' -mtime +30 -delete
