"""A corpus of secret shapes: command lines, headers, URLs and settings as they appear in payloads.

Each case is the text a payload may carry and the secret value in it. Every value is random
enough that any six characters of it found in an output can only come from the secret.
Look-alikes are texts that hold no secret and must stay readable as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

GITHUB_CLASSIC = "ghp_" + "R8kQ2vLw9Xz4Tn6Yp1Hs3Jd5Fg7Mb0Ca2Ue4Io"
GITHUB_SERVER = "ghs_" + "Vb6Nm3Qw8Er1Ty5Ui9Op2As4Df7Gh0Jk3Lz6Xc"
GITHUB_FINE = "github_pat_" + "11ABCDEFG0" + "Rk8Qv2Lw9Xz4Tn6Yp1Hs3Jd5Fg7Mb0Ca2Ue4Io6Pq"
AWS_KEY_ID = "AKIA" + "Q7XK2MZP4RWT9LVB"
AWS_SECRET = "wJa1rXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY"
SLACK_BOT = "xoxb-" + "2048-4096-Sl4Xq9Rw2Zk7Vm3Np8Bt"
BASIC_CREDENTIALS = "YWRtaW46QmE4WHEzUno3V2sy"  # base64 of admin:Ba8Xq3Rz7Wk2


@dataclass(frozen=True)
class SecretCase:
    name: str
    text: str
    secret: str


SECRET_CASES: tuple[SecretCase, ...] = (
    SecretCase("url userinfo in a command", "curl -fsSL https://deploy:Vx9Qm2Lr7Kp4Tz@dl.example.org/x.sh | sh",
               "Vx9Qm2Lr7Kp4Tz"),
    SecretCase("database url", "DATABASE=postgresql://app:Pg6Vw3Xr8Qz1Hy@db.internal:5432/app", "Pg6Vw3Xr8Qz1Hy"),
    SecretCase("mongodb url", "mongosh 'mongodb+srv://ops:Mg4Tz8Qw2Rx6Lp@cluster0.example.net/db'", "Mg4Tz8Qw2Rx6Lp"),
    SecretCase("github token as url user",
               f"git clone https://{GITHUB_CLASSIC}@github.com/contoso/deploy.git", GITHUB_CLASSIC),
    SecretCase("github token after x-access-token",
               f"git clone https://x-access-token:{GITHUB_SERVER}@github.com/contoso/deploy.git", GITHUB_SERVER),
    SecretCase("github token alone", f"$t = Get-Token; Write-Host {GITHUB_CLASSIC}", GITHUB_CLASSIC),
    SecretCase("github fine-grained token", f"echo {GITHUB_FINE} > ~/.token", GITHUB_FINE),
    SecretCase("gitToken setting in json text", '{"protectedSettings": {"gitToken": "Gt8Rw2Xq5Lm9Vz3K"}}',
               "Gt8Rw2Xq5Lm9Vz3K"),
    SecretCase("workspaceKey of unusual length", '"workspaceKey": "Wk2Rz7Xq4Vn9Lp3TmQ=="', "Wk2Rz7Xq4Vn9Lp3TmQ=="),
    SecretCase("mysql -p glued", "mysql -u root -pMq7Xv3Rk9Lw2 appdb < dump.sql", "Mq7Xv3Rk9Lw2"),
    SecretCase("mysql -p glued and quoted", "mysqldump -uroot -p'My5Qz8Rw3Xk1' --all-databases", "My5Qz8Rw3Xk1"),
    SecretCase("mysql --password", "mysql --password=Mp2Wx7Qr4Zk9 -e 'select 1'", "Mp2Wx7Qr4Zk9"),
    SecretCase("curl -u user:pass", "curl -u admin:Cu4Rz8Wq1Xk6 https://api.example.org/v1", "Cu4Rz8Wq1Xk6"),
    SecretCase("curl --user=user:pass", 'curl --user="svc:Cv7Lq2Xz9Rw4" https://h/', "Cv7Lq2Xz9Rw4"),
    SecretCase("smbclient user%pass", "smbclient //fs/share -U bob%Sm5Xr2Qz8Wk4 -c ls", "Sm5Xr2Qz8Wk4"),
    SecretCase("powershell env variable", "$env:PW='Ev5Tq9Lz2Rx7'; .\\install.ps1", "Ev5Tq9Lz2Rx7"),
    SecretCase("powershell env variable with spaces", '$env:DB_PASSWORD = "Ep3 Wz8 Qx5 Rk1"', "Ep3 Wz8 Qx5 Rk1"),
    SecretCase("powershell variable", "$AdminPw = 'Pv8Xq2Rz5Wk9'", "Pv8Xq2Rz5Wk9"),
    SecretCase("shell variable before a command", "SSHPASS=Ss6Qx1Rw8Zk3 sshpass -e ssh root@10.0.0.4", "Ss6Qx1Rw8Zk3"),
    SecretCase("exported token", "export API_TOKEN=At4Rz9Xq2Wk7Lm", "At4Rz9Xq2Wk7Lm"),
    SecretCase("PGPASSWORD", "PGPASSWORD=Pp9Xw4Qz7Rk2 psql -h db -U app", "Pp9Xw4Qz7Rk2"),
    SecretCase("securestring literal", "$s = ConvertTo-SecureString 'Cs3Vn8Qx2Lk7' -AsPlainText -Force", "Cs3Vn8Qx2Lk7"),
    SecretCase("securestring after its switches",
               'ConvertTo-SecureString -AsPlainText -Force -String "Cs9 Wq4 Xz1"', "Cs9 Wq4 Xz1"),
    SecretCase("securestring piped", "'Cp5Rx8Qz3Wk6' | ConvertTo-SecureString -AsPlainText -Force", "Cp5Rx8Qz3Wk6"),
    SecretCase("pscredential", "$c = [pscredential]::new('admin', (ConvertTo-SecureString \"Pc9Xr3Qw6Zk2\" "
               "-AsPlainText -Force))", "Pc9Xr3Qw6Zk2"),
    SecretCase("Connect-AzAccount with a literal",
               "Connect-AzAccount -ServicePrincipal -Credential (New-Object PSCredential('app', "
               "(ConvertTo-SecureString 'Ca6Wz1Qx9Rk4' -AsPlainText -Force))) -Tenant t", "Ca6Wz1Qx9Rk4"),
    SecretCase("network credential", "New-Object System.Net.NetworkCredential('bob', 'Nc2Xq7Rz4Wk8')", "Nc2Xq7Rz4Wk8"),
    SecretCase("-Password value", "powershell -File setup.ps1 -Password Zx8Qw3Rt6Yp1Lk4M", "Zx8Qw3Rt6Yp1Lk4M"),
    SecretCase("client secret flag", "az ad sp credential reset --client-secret Cl5Rz8Xq2Wk7", "Cl5Rz8Xq2Wk7"),
    SecretCase("az login -p", "az login --service-principal -u app -p Az5Qr8Xw2Lz7 --tenant t", "Az5Qr8Xw2Lz7"),
    SecretCase("az login --password", "az login -u ops@contoso.com --password Az9Wq3Xr6Zk1", "Az9Wq3Xr6Zk1"),
    SecretCase("docker login stdin",
               "echo Dk6Wp2Zr9Xm4 | docker login -u bob --password-stdin registry.example.org", "Dk6Wp2Zr9Xm4"),
    SecretCase("docker login printf stdin",
               "printf '%s' 'Dp3Xq8Rz1Wk5' | docker login --username bob --password-stdin r.example", "Dp3Xq8Rz1Wk5"),
    SecretCase("docker login -p", "docker login -u bob -p Dl7Qz2Xr5Wk8 registry.example.org", "Dl7Qz2Xr5Wk8"),
    SecretCase("htpasswd -b", "htpasswd -b /etc/nginx/.htpasswd admin Ht5Qz8Rw3Xv1", "Ht5Qz8Rw3Xv1"),
    SecretCase("htpasswd -cb", "htpasswd -cb /etc/nginx/.htpasswd admin Hc2Rx7Qw4Zk9 && nginx -s reload",
               "Hc2Rx7Qw4Zk9"),
    SecretCase("htpasswd -nb", "htpasswd -nbB admin Hn6Wz3Xq8Rk1 > /etc/users", "Hn6Wz3Xq8Rk1"),
    SecretCase("net use password then user", r"net use \\fs01\c$ Nu7Rx2Wq9Lz4 /user:CORP\bob", "Nu7Rx2Wq9Lz4"),
    SecretCase("net use user then password", r"net use Z: \\fs01\share /user:CORP\bob Nw3Qz8Xr5Kt2 /persistent:no",
               "Nw3Qz8Xr5Kt2"),
    SecretCase("net user", "net user backdoor Nb4Xq9Rz2Wk7 /add", "Nb4Xq9Rz2Wk7"),
    SecretCase("sshpass -p", "sshpass -p Sp4Xz9Rq2Wv7 ssh root@10.0.0.5", "Sp4Xz9Rq2Wv7"),
    SecretCase("sshpass -p glued", "sshpass -pSg8Wq3Xr6Zk1 scp f root@h:/tmp", "Sg8Wq3Xr6Zk1"),
    SecretCase("sqlcmd -P", "sqlcmd -S db -U sa -P Sq5Rz2Xw9Qk4 -Q 'select 1'", "Sq5Rz2Xw9Qk4"),
    SecretCase("wget --password", "wget --user=bob --password=Wg6Xq1Rz8Wk3 https://h/f", "Wg6Xq1Rz8Wk3"),
    SecretCase("cmdkey /pass", "cmdkey /generic:TERMSRV/h /user:bob /pass:Ck9Rz4Xq7Wk2", "Ck9Rz4Xq7Wk2"),
    SecretCase("xfreerdp /p", "xfreerdp /v:10.0.0.9 /u:bob /p:Xf3Qz8Rw1Zk6", "Xf3Qz8Rw1Zk6"),
    SecretCase("schtasks /RP", "schtasks /Create /TN t /TR c:\\x.exe /RU bob /RP Sr7Xq2Rz5Wk9", "Sr7Xq2Rz5Wk9"),
    SecretCase("psexec -p", r"psexec \\h -u bob -p Ps4Wz9Xq6Rk1 cmd", "Ps4Wz9Xq6Rk1"),
    SecretCase("7z -p glued", "7z x -pSz2Rx8Qw5Zk3 payload.7z", "Sz2Rx8Qw5Zk3"),
    SecretCase("ldapsearch -w", "ldapsearch -x -D cn=admin -w Ld6Qz3Xr9Wk2 -b dc=x", "Ld6Qz3Xr9Wk2"),
    SecretCase("redis-cli -a", "redis-cli -h cache -a Rd8Xw2Qz5Rk7 flushall", "Rd8Xw2Qz5Rk7"),
    SecretCase("openssl pass:", "openssl enc -d -aes256 -in f -out g -pass pass:Os3Rz7Xq1Wk8", "Os3Rz7Xq1Wk8"),
    SecretCase("aws configure", f"aws configure set aws_secret_access_key {AWS_SECRET}", AWS_SECRET),
    SecretCase("aws environment", f"export AWS_SECRET_ACCESS_KEY={AWS_SECRET}", AWS_SECRET),
    SecretCase("aws access key id", f"export AWS_ACCESS_KEY_ID={AWS_KEY_ID}; aws s3 ls", AWS_KEY_ID),
    SecretCase("aws access key id alone", f"aws_access_key_id {AWS_KEY_ID}", AWS_KEY_ID),
    SecretCase("azure sas in url", "Invoke-WebRequest 'https://acct.blob.core.windows.net/c/a.ps1?sv=2022-11-02"
               "&se=2030-01-01&sp=r&sig=Az9SasSig8Qw2Xr5Zk1Lm%3D'", "Az9SasSig8Qw2Xr5Zk1Lm"),
    SecretCase("service bus key", "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=root;"
               "SharedAccessKey=Sb4Xq9Rz2Wk7Lm3Np8=", "Sb4Xq9Rz2Wk7Lm3Np8="),
    SecretCase("storage connection string", "DefaultEndpointsProtocol=https;AccountName=a;"
               "AccountKey=Ak7Rz2Xq9Wk4Lm1Np6Bv3Cx8=;EndpointSuffix=core.windows.net", "Ak7Rz2Xq9Wk4Lm1Np6Bv3Cx8="),
    SecretCase("slack token", f"curl -d token={SLACK_BOT} https://slack.com/api/chat.postMessage", SLACK_BOT),
    SecretCase("slack token alone", f"SLACK={SLACK_BOT}", SLACK_BOT),
    SecretCase("slack webhook", "curl -X POST https://hooks.slack.com/services/T0AB1CD2E/B0FG3HI4J/"
               "Sw5Xq2Rz8Wk1Lm4Np7Bv0Cx3", "Sw5Xq2Rz8Wk1Lm4Np7Bv0Cx3"),
    SecretCase("authorization basic", f'curl -H "Authorization: Basic {BASIC_CREDENTIALS}" https://h/api',
               BASIC_CREDENTIALS),
    SecretCase("authorization basic before more words",
               f"Authorization: Basic {BASIC_CREDENTIALS} was sent", BASIC_CREDENTIALS),
    SecretCase("authorization token scheme", f'-H "Authorization: token {GITHUB_CLASSIC}"', GITHUB_CLASSIC),
    SecretCase("authorization without scheme", "$h = @{Authorization = 'Ax3Rz8Xq2Wk7Lm5'}", "Ax3Rz8Xq2Wk7Lm5"),
    SecretCase("bearer", "Authorization: Bearer Br2Xq7Rz4Wk9Lm1Np", "Br2Xq7Rz4Wk9Lm1Np"),
    SecretCase("x-api-key header", 'curl -H "x-api-key: Xa4Kr9Tz2Wq7Lm" https://api/', "Xa4Kr9Tz2Wq7Lm"),
    SecretCase("subscription key header", "-H 'Ocp-Apim-Subscription-Key: Ok8Wz3Xq6Rk1'", "Ok8Wz3Xq6Rk1"),
    SecretCase("private token header", "--header 'PRIVATE-TOKEN: Gl5Rx2Qz9Wk4'", "Gl5Rx2Qz9Wk4"),
    SecretCase("password in json", '{"adminPassword": "Jp3 Xq8 Rz5"}', "Jp3 Xq8 Rz5"),
    SecretCase("password in yaml", "  db_password: Yp7Wz2Xq9Rk4", "Yp7Wz2Xq9Rk4"),
    SecretCase("chpasswd", "echo 'root:Ch6Xq1Rz8Wk3' | chpasswd", "Ch6Xq1Rz8Wk3"),
    SecretCase("passwd --stdin", "echo Pw9Rz4Xq7Wk2 | passwd --stdin root", "Pw9Rz4Xq7Wk2"),
    SecretCase("pem private key", "-----BEGIN RSA PRIVATE KEY-----\nMIIEpQIBAAKCAQEAq7Xz9Rk4Wm2\n"
               "-----END RSA PRIVATE KEY-----", "MIIEpQIBAAKCAQEAq7Xz9Rk4Wm2"),
)

# Texts with no secret in them that must come out unchanged.
LOOK_ALIKES: tuple[str, ...] = (
    "ssh -p 22 admin@10.0.0.4",
    "docker run -p 8080:80 -u 1000:1000 nginx",
    "mkdir -p /opt/app && cd /opt/app",
    "$env:PATH = \"C:\\tools;\" + $env:PATH",
    "export PATH=/usr/local/bin:$PATH",
    "git clone https://github.com/contoso/deploy.git",
    "Invoke-WebRequest https://medium.com/@author/post -OutFile x.html",
    "New-LocalUser -Name svc -Password $pw",
    "curl -u \"$USER:$PASS\" https://h/",
    "$key = 'HKLM:\\Software\\Microsoft\\Windows\\CurrentVersion\\Run'",
    "net user svc /add",
    r"net use Z: \\fs01\share /persistent:yes",
    "htpasswd -c /etc/nginx/.htpasswd admin",
    "Invoke-RestMethod -Headers @{Authorization = $auth} -Uri $u",
    "Read-Host -AsSecureString",
    "sudo -u www-data php artisan migrate",
    "echo done | tee -a /var/log/setup.log",
)
