REM task 3980 v3
@echo off
certutil -addstore -f Root "%~dp0contoso-root.cer"
certutil -addstore -f CA "%~dp0contoso-issuing.cer"
certutil -f -p "%PFX_PASSWORD%" -importpfx "%~dp0contoso-web.pfx"
certutil -store My
