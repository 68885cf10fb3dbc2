# provision 2218 v4
#!/bin/bash
mkdir -p /mnt/stlogsweu02
if [ ! -d "/etc/smbcredentials" ]; then mkdir /etc/smbcredentials; fi
echo "username=stlogsweu02" > /etc/smbcredentials/stlogsweu02.cred
chmod 600 /etc/smbcredentials/stlogsweu02.cred
echo "//stlogsweu02.file.core.windows.net/share /mnt/stlogsweu02 cifs nofail,credentials=/etc/smbcredentials/stlogsweu02.cred,dir_mode=0777,file_mode=0777,serverino,nosharesock,actimeo=30" >> /etc/fstab
mount -t cifs //stlogsweu02.file.core.windows.net/share /mnt/stlogsweu02 -o credentials=/etc/smbcredentials/stlogsweu02.cred,dir_mode=0777,file_mode=0777,serverino
