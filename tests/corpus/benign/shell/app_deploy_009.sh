# run 7010 v2
#!/bin/sh
# container entrypoint: wait for the database before starting
until timeout 1 bash -c "</dev/tcp/db/5432"; do
  echo "waiting for db"; sleep 2
done
exec java -Xms512m -Xmx2g -jar /opt/app/reports.jar --spring.profiles.active=prod
