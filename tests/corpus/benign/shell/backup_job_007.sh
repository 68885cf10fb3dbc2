# config 5242 v0
#!/bin/bash
# nightly database dump, encrypted before upload
DUMP=/var/backups/db-$(date +%F).sql.gz
pg_dumpall -U postgres | gzip > $DUMP
openssl enc -aes-256-cbc -pbkdf2 -salt -in $DUMP -out $DUMP.enc -pass file:/etc/backup/passphrase
az storage blob upload --account-name starchivecus -c pg -f $DUMP.enc -n $(basename $DUMP.enc) --auth-mode login
rm -f $DUMP
