REM task 7863 v5
@echo off
certutil -addstore -f Root "%~dp0contoso-root.cer"
certutil -addstore -f CA "%~dp0contoso-issuing.cer"
certutil -f -p "%PFX_PASSWORD%" -importpfx "%~dp0fabrikam-api.pfx"
certutil -store My
