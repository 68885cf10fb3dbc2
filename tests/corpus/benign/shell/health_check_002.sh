# maintenance 5394 v1
#!/bin/bash
for svc in metrics-exporter nginx sshd; do
  systemctl is-active --quiet $svc || { echo "$svc down"; systemctl restart $svc; }
done
df -h | awk '$5+0 > 90 {print "disk almost full: " $6}'
curl -fsS -m 5 http://127.0.0.1:8080/health || echo "app unhealthy"
free -m
uptime
