# task 4780 v3
#!/bin/bash
# Install Azure Monitor agent prerequisites and configure syslog forwarding
apt-get update && apt-get install -y rsyslog auditd
cat >> /etc/rsyslog.d/50-forward.conf <<'CONF'
*.* @@10.0.1.31:514
CONF
systemctl restart rsyslog
auditctl -w /etc/passwd -p wa -k identity
auditctl -w /etc/shadow -p wa -k identity
echo "-w /etc/sudoers -p wa -k scope" >> /etc/audit/rules.d/audit.rules
systemctl enable --now auditd
