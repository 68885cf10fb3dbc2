# bootstrap 4947 v3
#!/bin/bash
curl -L "https://packages.gitlab.com/install/repositories/runner/gitlab-runner/script.deb.sh" | sudo bash
sudo apt-get install -y gitlab-runner
sudo gitlab-runner register --non-interactive --url https://gitlab.contoso.com --token $RUNNER_TOKEN --executor docker --docker-image alpine:latest --description intranet
sudo usermod -aG docker gitlab-runner
