# task 8638 v3
$disks = Get-Disk | Where-Object PartitionStyle -eq 'RAW'
foreach ($d in $disks) {
  Initialize-Disk -Number $d.Number -PartitionStyle GPT -PassThru |
    New-Partition -DriveLetter E -UseMaximumSize |
    Format-Volume -FileSystem NTFS -NewFileSystemLabel 'Data' -AllocationUnitSize 65536 -Confirm:$false
}
New-Item -ItemType Directory -Force E:\SQLData, E:\SQLLogs | Out-Null
