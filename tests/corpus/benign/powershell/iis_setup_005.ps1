# config 1853 v4
Install-WindowsFeature -Name Web-Server, Web-Asp-Net45, Web-Mgmt-Console -IncludeManagementTools
Import-Module WebAdministration
New-Item -ItemType Directory -Force -Path C:\inetpub\contoso-web | Out-Null
New-Website -Name 'contoso-web' -PhysicalPath C:\inetpub\contoso-web -Port 443 -Ssl -HostHeader 'contoso-web.contoso.com'
$cert = Import-PfxCertificate -FilePath C:\certs\contoso-web.pfx -CertStoreLocation Cert:\LocalMachine\My -Password (Get-Content C:\certs\pw.txt | ConvertTo-SecureString)
New-WebBinding -Name 'contoso-web' -Protocol https -Port 443 -HostHeader 'contoso-web.contoso.com' -SslFlags 1
(Get-WebBinding -Name 'contoso-web' -Protocol https).AddSslCertificate($cert.Thumbprint, 'My')
New-NetFirewallRule -DisplayName 'HTTPS In' -Direction Inbound -LocalPort 443 -Protocol TCP -Action Allow
