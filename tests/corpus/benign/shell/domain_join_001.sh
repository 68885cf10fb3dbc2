# config 0712 v0
#!/bin/bash
apt-get install -y realmd sssd sssd-tools adcli krb5-user packagekit samba-common-bin
echo "$JOIN_PASSWORD" | realm join --user=svc_join contoso.local
realm permit -g 'Linux Admins@contoso.local'
echo '%linux\ admins@contoso.local ALL=(ALL) ALL' > /etc/sudoers.d/linux-admins
sed -i 's/use_fully_qualified_names = True/use_fully_qualified_names = False/' /etc/sssd/sssd.conf
systemctl restart sssd
