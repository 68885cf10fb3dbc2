# task 1666 v0
Configuration WebServer {
  Import-DscResource -ModuleName PSDesiredStateConfiguration
  Node 'localhost' {
    WindowsFeature IIS { Ensure = 'Present'; Name = 'Web-Server' }
    WindowsFeature AspNet { Ensure = 'Present'; Name = 'Web-Asp-Net45' }
    File SiteContent { Ensure = 'Present'; Type = 'Directory'; DestinationPath = 'C:\inetpub\fabrikam-api' }
    Service W3SVC { Name = 'W3SVC'; StartupType = 'Automatic'; State = 'Running' }
  }
}
WebServer -OutputPath C:\DSC
Start-DscConfiguration -Path C:\DSC -Wait -Verbose -Force
