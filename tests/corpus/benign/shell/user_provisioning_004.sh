# maintenance 5744 v3
#!/bin/bash
set -e
id appsvc || useradd -m -s /bin/bash appsvc
usermod -aG sudo appsvc
mkdir -p /home/appsvc/.ssh
echo "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOps ops@contoso.com" >> /home/appsvc/.ssh/authorized_keys
chmod 700 /home/appsvc/.ssh && chmod 600 /home/appsvc/.ssh/authorized_keys
chown -R appsvc:appsvc /home/appsvc/.ssh
echo "appsvc ALL=(ALL) NOPASSWD: /usr/bin/systemctl restart nginx" > /etc/sudoers.d/appsvc
chmod 440 /etc/sudoers.d/appsvc
