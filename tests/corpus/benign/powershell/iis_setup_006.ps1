# task 7023 v5
Install-WindowsFeature -Name Web-Server, Web-Asp-Net45, Web-Mgmt-Console -IncludeManagementTools
Import-Module WebAdministration
New-Item -ItemType Directory -Force -Path C:\inetpub\intranet | Out-Null
New-Website -Name 'intranet' -PhysicalPath C:\inetpub\intranet -Port 443 -Ssl -HostHeader 'intranet.contoso.com'
$cert = Import-PfxCertificate -FilePath C:\certs\intranet.pfx -CertStoreLocation Cert:\LocalMachine\My -Password (Get-Content C:\certs\pw.txt | ConvertTo-SecureString)
New-WebBinding -Name 'intranet' -Protocol https -Port 443 -HostHeader 'intranet.contoso.com' -SslFlags 1
(Get-WebBinding -Name 'intranet' -Protocol https).AddSslCertificate($cert.Thumbprint, 'My')
New-NetFirewallRule -DisplayName 'HTTPS In' -Direction Inbound -LocalPort 443 -Protocol TCP -Action Allow
