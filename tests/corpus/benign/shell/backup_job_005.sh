# config 6862 v4
#!/bin/bash
set -euo pipefail
cat > /usr/local/bin/backup-nginx.sh <<'EOF'
#!/bin/bash
STAMP=$(date +%Y%m%d%H%M)
tar czf /var/backups/nginx-$STAMP.tar.gz /etc/nginx /srv/app
az storage blob upload --account-name starchivecus --container-name backups --file /var/backups/nginx-$STAMP.tar.gz --name nginx-$STAMP.tar.gz --auth-mode login
find /var/backups -name 'nginx-*.tar.gz' -mtime +7 -delete
EOF
chmod +x /usr/local/bin/backup-nginx.sh
echo "30 2 * * * root /usr/local/bin/backup-nginx.sh >> /var/log/backup.log 2>&1" > /etc/cron.d/backup-nginx
