# maintenance 6560 v5
#!/bin/bash
set -e
DISK=/dev/sdc
if ! blkid ${DISK}1; then
  parted ${DISK} --script mklabel gpt mkpart primary ext4 0% 100%
  partprobe ${DISK}
  mkfs.ext4 -F ${DISK}1
fi
mkdir -p /var/lib/docker
UUID=$(blkid -s UUID -o value ${DISK}1)
grep -q "$UUID" /etc/fstab || echo "UUID=$UUID /var/lib/docker ext4 defaults,nofail 0 2" >> /etc/fstab
mount -a
chown -R appsvc:appsvc /var/lib/docker
