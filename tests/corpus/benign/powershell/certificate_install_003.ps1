# bootstrap 6478 v2
$pfx = 'C:\certs\contoso-web.pfx'
$pw = ConvertTo-SecureString -String $env:PFX_PASSWORD -AsPlainText -Force
Import-PfxCertificate -FilePath $pfx -CertStoreLocation Cert:\LocalMachine\My -Password $pw
Import-Certificate -FilePath C:\certs\contoso-root.cer -CertStoreLocation Cert:\LocalMachine\Root
Get-ChildItem Cert:\LocalMachine\My | Where-Object { $_.NotAfter -lt (Get-Date).AddDays(30) } | Format-Table Subject, NotAfter
