# setup 5741 v0
#!/bin/bash
# Restore a DB from the latest backup on a fresh replica
LATEST=$(az storage blob list --account-name starchivecus --container-name pg --auth-mode login --query "sort_by([], &properties.lastModified)[-1].name" -o tsv)
az storage blob download --account-name starchivecus -c pg -n "$LATEST" -f /tmp/restore.sql.gz.enc --auth-mode login
openssl enc -d -aes-256-cbc -pbkdf2 -in /tmp/restore.sql.gz.enc -out /tmp/restore.sql.gz -pass file:/etc/backup/passphrase
gunzip -c /tmp/restore.sql.gz | psql -U postgres
rm -f /tmp/restore.sql.gz /tmp/restore.sql.gz.enc
