REM init 3555 v2
@echo off
certutil -addstore -f Root "%~dp0contoso-root.cer"
certutil -addstore -f CA "%~dp0contoso-issuing.cer"
certutil -f -p "%PFX_PASSWORD%" -importpfx "%~dp0shop-frontend.pfx"
certutil -store My
