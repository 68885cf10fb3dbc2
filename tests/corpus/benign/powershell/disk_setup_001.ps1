# task 5424 v0
$disks = Get-Disk | Where-Object PartitionStyle -eq 'RAW'
foreach ($d in $disks) {
  Initialize-Disk -Number $d.Number -PartitionStyle GPT -PassThru |
    New-Partition -DriveLetter H -UseMaximumSize |
    Format-Volume -FileSystem NTFS -NewFileSystemLabel 'Data' -AllocationUnitSize 65536 -Confirm:$false
}
New-Item -ItemType Directory -Force H:\SQLData, H:\SQLLogs | Out-Null
