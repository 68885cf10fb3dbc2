# setup 1990 v3
# Install IIS URL Rewrite and ARR, configure reverse proxy
$ProgressPreference = 'SilentlyContinue'
Invoke-WebRequest 'https://download.microsoft.com/download/1/2/8/128E2E22-C1B9-44A4-BE2A-5859ED1D4592/rewrite_amd64_en-US.msi' -OutFile "$env:TEMP\rewrite.msi"
Start-Process msiexec.exe -ArgumentList "/i $env:TEMP\rewrite.msi /qn /norestart" -Wait
Invoke-WebRequest 'https://go.microsoft.com/fwlink/?LinkID=615136' -OutFile "$env:TEMP\arr.msi"
Start-Process msiexec.exe -ArgumentList "/i $env:TEMP\arr.msi /qn /norestart" -Wait
Set-WebConfigurationProperty -pspath 'MACHINE/WEBROOT/APPHOST' -filter 'system.webServer/proxy' -name 'enabled' -value 'True'
