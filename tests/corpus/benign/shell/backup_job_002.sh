# provision 1932 v1
#!/bin/bash
set -euo pipefail
cat > /usr/local/bin/backup-queue-consumer.sh <<'EOF'
#!/bin/bash
STAMP=$(date +%Y%m%d%H%M)
tar czf /var/backups/queue-consumer-$STAMP.tar.gz /etc/queue-consumer /srv/app
az storage blob upload --account-name stbackupprod01 --container-name backups --file /var/backups/queue-consumer-$STAMP.tar.gz --name queue-consumer-$STAMP.tar.gz --auth-mode login
find /var/backups -name 'queue-consumer-*.tar.gz' -mtime +7 -delete
EOF
chmod +x /usr/local/bin/backup-queue-consumer.sh
echo "30 2 * * * root /usr/local/bin/backup-queue-consumer.sh >> /var/log/backup.log 2>&1" > /etc/cron.d/backup-queue-consumer
