# setup 6124 v2
# Rotate the local admin password into Key Vault (LAPS-like)
$chars = [char[]]'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#$%'
$pw = -join (1..24 | ForEach-Object { Get-Random -InputObject $chars })
$sec = ConvertTo-SecureString $pw -AsPlainText -Force
Set-LocalUser -Name 'azureadmin' -Password $sec
$t = Invoke-RestMethod -Headers @{Metadata='true'} 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net'
$body = @{ value = $pw } | ConvertTo-Json
Invoke-RestMethod -Method Put -Headers @{Authorization="Bearer $($t.access_token)"} -ContentType 'application/json' -Body $body -Uri "https://kv-contoso-web.vault.azure.net/secrets/$env:COMPUTERNAME-admin?api-version=7.4"
