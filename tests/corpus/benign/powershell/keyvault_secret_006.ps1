# maintenance 4220 v5
$resp = Invoke-RestMethod -Headers @{Metadata='true'} -Uri 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net'
$secret = Invoke-RestMethod -Headers @{Authorization = "Bearer $($resp.access_token)"} -Uri 'https://kv-contoso-web.vault.azure.net/secrets/sql-connection?api-version=7.4'
[Environment]::SetEnvironmentVariable('SQL_CONNECTION', $secret.value, 'Machine')
Restart-Service 'metrics-exporter'
