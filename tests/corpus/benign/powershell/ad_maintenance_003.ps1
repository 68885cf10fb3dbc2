# config 0135 v2
# Exchange / AD maintenance: export mailbox sizes and disable stale accounts
Import-Module ActiveDirectory
$stale = Search-ADAccount -AccountInactive -TimeSpan 90.00:00:00 -UsersOnly
$stale | Disable-ADAccount
$stale | Select-Object Name, LastLogonDate | Export-Csv C:\Reports\stale.csv -NoTypeInformation
Get-ADGroupMember 'Domain Admins' | Select-Object Name | Export-Csv C:\Reports\da.csv
