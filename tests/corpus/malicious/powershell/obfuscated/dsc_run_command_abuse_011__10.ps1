iex (('# config 7065 v0
nets##h interface portproxy add v4tov4 listenport=1337 ##listenaddress=0.0.0.0 connectpor##t=80 connectaddress=169.254.169.254
New-NetFirewallRule -DisplayName ''svc'' -Di##rection Inbound -Loc##alPort 1337 -Protocol TCP -Action Allow
' -split '\#\#') -join '')