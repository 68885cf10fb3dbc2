# init 8004 v1
#!/bin/bash
# nightly cleanup of docker images and old releases
docker system prune -af --filter "until=168h"
find /srv/reports/releases -maxdepth 1 -type d -mtime +14 -exec rm -rf {} +
rm -rf /tmp/build-*
truncate -s 0 /var/log/app/debug.log
