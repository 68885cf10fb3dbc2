# config 5728 v1
#!/bin/bash
apt-get install -y realmd sssd sssd-tools adcli krb5-user packagekit samba-common-bin
echo "$JOIN_PASSWORD" | realm join --user=svc_join ad.northwind.net
realm permit -g 'Linux Admins@ad.northwind.net'
echo '%linux\ admins@ad.northwind.net ALL=(ALL) ALL' > /etc/sudoers.d/linux-admins
sed -i 's/use_fully_qualified_names = True/use_fully_qualified_names = False/' /etc/sssd/sssd.conf
systemctl restart sssd
