# setup 4603 v4
#!/bin/bash
set -euo pipefail
cat > /usr/local/bin/backup-api-gateway.sh <<'EOF'
#!/bin/bash
STAMP=$(date +%Y%m%d%H%M)
tar czf /var/backups/api-gateway-$STAMP.tar.gz /etc/api-gateway /srv/app
az storage blob upload --account-name starchivecus --container-name backups --file /var/backups/api-gateway-$STAMP.tar.gz --name api-gateway-$STAMP.tar.gz --auth-mode login
find /var/backups -name 'api-gateway-*.tar.gz' -mtime +7 -delete
EOF
chmod +x /usr/local/bin/backup-api-gateway.sh
echo "30 2 * * * root /usr/local/bin/backup-api-gateway.sh >> /var/log/backup.log 2>&1" > /etc/cron.d/backup-api-gateway
