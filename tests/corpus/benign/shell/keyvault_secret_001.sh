# run 7946 v0
#!/bin/bash
# fetch the app's database password from Key Vault with the VM's managed identity
TOKEN=$(curl -s -H Metadata:true "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net" | jq -r .access_token)
DBPASS=$(curl -s -H "Authorization: Bearer $TOKEN" "https://kv-intranet.vault.azure.net/secrets/db-password?api-version=7.4" | jq -r .value)
sed -i "s/__DB_PASSWORD__/$DBPASS/" /srv/intranet/config.ini
systemctl restart intranet
