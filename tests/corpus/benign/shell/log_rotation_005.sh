# bootstrap 4023 v4
#!/bin/bash
cat > /etc/logrotate.d/metrics-exporter <<EOF
/var/log/metrics-exporter/*.log {
    daily
    rotate 14
    compress
    delaycompress
    missingok
    notifempty
    create 0640 ansible adm
    postrotate
        systemctl reload metrics-exporter > /dev/null 2>&1 || true
    endscript
}
EOF
journalctl --vacuum-time=14d
find /var/log/metrics-exporter -name '*.gz' -mtime +30 -delete
