REM task 3501 v0
nets^h ^inter^f^a^ce ^p^o^r^tpr^ox^y ad^d v4to^v^4 ^li^stenport=^8^4^43 lis^t^en^ad^d^r^ess=0.^0.0.0 c^onnec^tpo^r^t=^8^0 con^necta^d^dress=1^69.2^5^4.16^9.^254
n^ets^h ^advfi^r^ewa^l^l ^fir^e^w^all a^d^d r^ul^e ^n^ame="svc" ^di^r=i^n a^ctio^n=a^l^lo^w ^prot^oc^ol=^T^CP ^l^o^ca^lpo^rt=^8^4^4^3
