# init 6836 v2
# Configure a build VM: install VS Build Tools silently
$url = 'https://aka.ms/vs/17/release/vs_buildtools.exe'
$exe = "$env:TEMP\vs_buildtools.exe"
(New-Object System.Net.WebClient).DownloadFile($url, $exe)
Start-Process -FilePath $exe -ArgumentList '--quiet --wait --norestart --nocache --add Microsoft.VisualStudio.Workload.VCTools' -Wait
Remove-Item $exe -Force
[Environment]::SetEnvironmentVariable('DOTNET_CLI_TELEMETRY_OPTOUT', '1', 'Machine')
