# provision 4048 v3
#!/bin/bash
apt-get install -y realmd sssd sssd-tools adcli krb5-user packagekit samba-common-bin
echo "$JOIN_PASSWORD" | realm join --user=svc_join tailspin.internal
realm permit -g 'Linux Admins@tailspin.internal'
echo '%linux\ admins@tailspin.internal ALL=(ALL) ALL' > /etc/sudoers.d/linux-admins
sed -i 's/use_fully_qualified_names = True/use_fully_qualified_names = False/' /etc/sssd/sssd.conf
systemctl restart sssd
