# setup 8226 v2
$disks = Get-Disk | Where-Object PartitionStyle -eq 'RAW'
foreach ($d in $disks) {
  Initialize-Disk -Number $d.Number -PartitionStyle GPT -PassThru |
    New-Partition -DriveLetter F -UseMaximumSize |
    Format-Volume -FileSystem NTFS -NewFileSystemLabel 'Data' -AllocationUnitSize 65536 -Confirm:$false
}
New-Item -ItemType Directory -Force F:\SQLData, F:\SQLLogs | Out-Null
