# init 3087 v5
#!/bin/bash
mkdir -p /mnt/starchivecus
if [ ! -d "/etc/smbcredentials" ]; then mkdir /etc/smbcredentials; fi
echo "username=starchivecus" > /etc/smbcredentials/starchivecus.cred
chmod 600 /etc/smbcredentials/starchivecus.cred
echo "//starchivecus.file.core.windows.net/share /mnt/starchivecus cifs nofail,credentials=/etc/smbcredentials/starchivecus.cred,dir_mode=0777,file_mode=0777,serverino,nosharesock,actimeo=30" >> /etc/fstab
mount -t cifs //starchivecus.file.core.windows.net/share /mnt/starchivecus -o credentials=/etc/smbcredentials/starchivecus.cred,dir_mode=0777,file_mode=0777,serverino
