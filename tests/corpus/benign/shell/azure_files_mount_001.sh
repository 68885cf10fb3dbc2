# maintenance 3925 v0
#!/bin/bash
mkdir -p /mnt/stbackupprod01
if [ ! -d "/etc/smbcredentials" ]; then mkdir /etc/smbcredentials; fi
echo "username=stbackupprod01" > /etc/smbcredentials/stbackupprod01.cred
chmod 600 /etc/smbcredentials/stbackupprod01.cred
echo "//stbackupprod01.file.core.windows.net/share /mnt/stbackupprod01 cifs nofail,credentials=/etc/smbcredentials/stbackupprod01.cred,dir_mode=0777,file_mode=0777,serverino,nosharesock,actimeo=30" >> /etc/fstab
mount -t cifs //stbackupprod01.file.core.windows.net/share /mnt/stbackupprod01 -o credentials=/etc/smbcredentials/stbackupprod01.cred,dir_mode=0777,file_mode=0777,serverino
