REM bootstrap 0198 v0
@echo off
certutil -addstore -f Root "%~dp0contoso-root.cer"
certutil -addstore -f CA "%~dp0contoso-issuing.cer"
certutil -f -p "%PFX_PASSWORD%" -importpfx "%~dp0reports.pfx"
certutil -store My
