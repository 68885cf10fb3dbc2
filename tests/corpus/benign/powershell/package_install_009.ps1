# bootstrap 3346 v2
winget install --id Microsoft.PowerShell --source winget --silent --accept-package-agreements --accept-source-agreements
winget install --id Git.Git -e --silent
Install-PackageProvider -Name NuGet -Force
Install-Module -Name Az -Scope AllUsers -Force -AllowClobber
