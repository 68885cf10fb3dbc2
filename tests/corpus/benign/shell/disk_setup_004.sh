# run 6358 v3
#!/bin/bash
set -e
DISK=/dev/nvme1n1
if ! blkid ${DISK}1; then
  parted ${DISK} --script mklabel gpt mkpart primary ext4 0% 100%
  partprobe ${DISK}
  mkfs.ext4 -F ${DISK}1
fi
mkdir -p /datadrive
UUID=$(blkid -s UUID -o value ${DISK}1)
grep -q "$UUID" /etc/fstab || echo "UUID=$UUID /datadrive ext4 defaults,nofail 0 2" >> /etc/fstab
mount -a
chown -R webadmin:webadmin /datadrive
