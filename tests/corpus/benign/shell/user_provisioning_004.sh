# task 8309 v3
#!/bin/bash
set -e
id ansible || useradd -m -s /bin/bash ansible
usermod -aG sudo ansible
mkdir -p /home/ansible/.ssh
echo "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOps ops@contoso.com" >> /home/ansible/.ssh/authorized_keys
chmod 700 /home/ansible/.ssh && chmod 600 /home/ansible/.ssh/authorized_keys
chown -R ansible:ansible /home/ansible/.ssh
echo "ansible ALL=(ALL) NOPASSWD: /usr/bin/systemctl restart api-gateway" > /etc/sudoers.d/ansible
chmod 440 /etc/sudoers.d/ansible
