// Interactive shells wired to sockets.

rule reverse_shell_bash_dev_tcp
{
    meta:
        id = "yara.reverse_shell.bash_dev_tcp"
        score = 600
        attack = "T1059.004"
        description = "Interactive shell redirected to /dev/tcp"
        author = "payload-inspector"
    strings:
        $i = /sh\s+-i\s*[<>]&?\s*\/dev\/(tcp|udp)\/[^\/\s]{1,100}\/[0-9]{1,5}/ ascii wide
        $j = /\/dev\/(tcp|udp)\/[^\/\s]{1,100}\/[0-9]{1,5}\s*0>&1/ ascii wide
    condition:
        any of them
}

rule reverse_shell_powershell_tcpclient
{
    meta:
        id = "yara.reverse_shell.powershell_tcpclient"
        score = 600
        attack = "T1059.001,T1095"
        description = "PowerShell TCPClient stream fed to Invoke-Expression"
        author = "payload-inspector"
    strings:
        $client = /Net\.Sockets\.TCP(Client|Listener)/ ascii wide nocase
        $stream = "GetStream" ascii wide nocase
        $iex1 = /\biex\b/ ascii wide nocase
        $iex2 = "Invoke-Expression" ascii wide nocase
    condition:
        $client and $stream and any of ($iex*)
}

rule reverse_shell_netcat_exec
{
    meta:
        id = "yara.reverse_shell.netcat_exec"
        score = 600
        attack = "T1059.004,T1095"
        description = "netcat/ncat -e with a shell, or a mkfifo shell pipe into nc"
        author = "payload-inspector"
    strings:
        $e = /\bn(c|cat|etcat)(\.exe)?\s[^\n]{0,60}-e\s*["']?(\/bin\/(ba)?sh|cmd(\.exe)?|powershell)/ ascii wide nocase
        $fifo = /mkfifo\s[^\n]{0,120}sh\s+-i[^\n]{0,30}\|\s*nc\s/ ascii wide
    condition:
        any of them
}

rule reverse_shell_python_socket
{
    meta:
        id = "yara.reverse_shell.python_socket"
        score = 500
        attack = "T1059.006"
        description = "Python socket handed to a shell (os.dup2 / pty.spawn)"
        author = "payload-inspector"
    strings:
        $socket = "socket.socket(" ascii wide
        $dup2 = "os.dup2(" ascii wide
        $pty = "pty.spawn(" ascii wide
    condition:
        $socket and ($dup2 or $pty)
}
