# init 8380 v4
#!/bin/bash
set -e
id webadmin || useradd -m -s /bin/bash webadmin
usermod -aG sudo webadmin
mkdir -p /home/webadmin/.ssh
echo "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOps ops@contoso.com" >> /home/webadmin/.ssh/authorized_keys
chmod 700 /home/webadmin/.ssh && chmod 600 /home/webadmin/.ssh/authorized_keys
chown -R webadmin:webadmin /home/webadmin/.ssh
echo "webadmin ALL=(ALL) NOPASSWD: /usr/bin/systemctl restart queue-consumer" > /etc/sudoers.d/webadmin
chmod 440 /etc/sudoers.d/webadmin
