# init 6210 v5
#!/bin/bash
cat > /etc/logrotate.d/nginx <<EOF
/var/log/nginx/*.log {
    daily
    rotate 14
    compress
    delaycompress
    missingok
    notifempty
    create 0640 appsvc adm
    postrotate
        systemctl reload nginx > /dev/null 2>&1 || true
    endscript
}
EOF
journalctl --vacuum-time=14d
find /var/log/nginx -name '*.gz' -mtime +30 -delete
