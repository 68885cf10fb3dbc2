REM config 7511 v2
@echo off
curl -sSLo %TEMP%\AzureConnectedMachineAgent.msi https://aka.ms/AzureConnectedMachineAgent
msiexec /i %TEMP%\AzureConnectedMachineAgent.msi /qn /l*v %TEMP%\azcmagent.log
"%ProgramFiles%\AzureConnectedMachineAgent\azcmagent.exe" connect --resource-group "rg-fabrikam-api" --location "westeurope" --subscription-id "%SUB_ID%"
