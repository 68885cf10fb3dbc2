# config 4094 v2
#!/bin/bash
# Azure Monitor / Datadog style agent install
DD_API_KEY=${DD_API_KEY:?missing} DD_SITE="datadoghq.eu" bash -c "$(curl -L https://install.datadoghq.com/scripts/install_script_agent7.sh)"
sed -i 's/^# logs_enabled: false/logs_enabled: true/' /etc/datadog-agent/datadog.yaml
systemctl restart datadog-agent
