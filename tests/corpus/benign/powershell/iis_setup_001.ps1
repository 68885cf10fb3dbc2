# bootstrap 2720 v0
Install-WindowsFeature -Name Web-Server, Web-Asp-Net45, Web-Mgmt-Console -IncludeManagementTools
Import-Module WebAdministration
New-Item -ItemType Directory -Force -Path C:\inetpub\shop-frontend | Out-Null
New-Website -Name 'shop-frontend' -PhysicalPath C:\inetpub\shop-frontend -Port 443 -Ssl -HostHeader 'shop-frontend.contoso.com'
$cert = Import-PfxCertificate -FilePath C:\certs\shop-frontend.pfx -CertStoreLocation Cert:\LocalMachine\My -Password (Get-Content C:\certs\pw.txt | ConvertTo-SecureString)
New-WebBinding -Name 'shop-frontend' -Protocol https -Port 443 -HostHeader 'shop-frontend.contoso.com' -SslFlags 1
(Get-WebBinding -Name 'shop-frontend' -Protocol https).AddSslCertificate($cert.Thumbprint, 'My')
New-NetFirewallRule -DisplayName 'HTTPS In' -Direction Inbound -LocalPort 443 -Protocol TCP -Action Allow
