# provision 3712 v0
#!/bin/bash
set -e
id deploy || useradd -m -s /bin/bash deploy
usermod -aG sudo deploy
mkdir -p /home/deploy/.ssh
echo "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOps ops@contoso.com" >> /home/deploy/.ssh/authorized_keys
chmod 700 /home/deploy/.ssh && chmod 600 /home/deploy/.ssh/authorized_keys
chown -R deploy:deploy /home/deploy/.ssh
echo "deploy ALL=(ALL) NOPASSWD: /usr/bin/systemctl restart api-gateway" > /etc/sudoers.d/deploy
chmod 440 /etc/sudoers.d/deploy
