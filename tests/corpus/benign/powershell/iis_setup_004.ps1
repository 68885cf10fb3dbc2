# run 2588 v3
Install-WindowsFeature -Name Web-Server, Web-Asp-Net45, Web-Mgmt-Console -IncludeManagementTools
Import-Module WebAdministration
New-Item -ItemType Directory -Force -Path C:\inetpub\reports | Out-Null
New-Website -Name 'reports' -PhysicalPath C:\inetpub\reports -Port 443 -Ssl -HostHeader 'reports.contoso.com'
$cert = Import-PfxCertificate -FilePath C:\certs\reports.pfx -CertStoreLocation Cert:\LocalMachine\My -Password (Get-Content C:\certs\pw.txt | ConvertTo-SecureString)
New-WebBinding -Name 'reports' -Protocol https -Port 443 -HostHeader 'reports.contoso.com' -SslFlags 1
(Get-WebBinding -Name 'reports' -Protocol https).AddSslCertificate($cert.Thumbprint, 'My')
New-NetFirewallRule -DisplayName 'HTTPS In' -Direction Inbound -LocalPort 443 -Protocol TCP -Action Allow
