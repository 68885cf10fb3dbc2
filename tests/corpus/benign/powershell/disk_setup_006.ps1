# run 4186 v5
$disks = Get-Disk | Where-Object PartitionStyle -eq 'RAW'
foreach ($d in $disks) {
  Initialize-Disk -Number $d.Number -PartitionStyle GPT -PassThru |
    New-Partition -DriveLetter G -UseMaximumSize |
    Format-Volume -FileSystem NTFS -NewFileSystemLabel 'Data' -AllocationUnitSize 65536 -Confirm:$false
}
New-Item -ItemType Directory -Force G:\SQLData, G:\SQLLogs | Out-Null
