"""Obfuscation helpers: each function rewrites a command so that running the result would
run the command, the way public attacker tooling does (Invoke-Obfuscation style for
PowerShell, the usual shell and batch tricks). They exist to test the deobfuscation
layers and to build obfuscated variants for the labelled corpus.

Every helper has the signature `f(command: str, seed: int = 0) -> str` and is
deterministic for a seed. `stack(command, [f1, f2, ...], seed)` applies them in order
(f1 first, so the last one is the outermost layer). `POWERSHELL`, `SHELL` and `CMD` list
the helpers by the language of their input and output.

Nothing here runs anything; the output is only text.
"""

from __future__ import annotations

import base64
import bz2
import gzip
import random
import re
import zlib
from collections.abc import Callable, Sequence

Obfuscator = Callable[[str, int], str]

_BACKTICK_SAFE = set("cdghijklmopqswxyzCDGHIJKLMOPQSWXYZ")  # letters whose backtick escape means nothing


def _ps_quote(text: str) -> str:
    """A PowerShell single-quoted literal."""
    return "'" + text.replace("'", "''") + "'"


def _split_points(text: str, rng: random.Random, pieces: int, balanced: str = "") -> list[str]:
    """Cut `text` into `pieces` parts; with `balanced`, only where that quote is closed."""
    candidates = list(range(1, len(text)))
    if balanced:
        candidates = [i for i in candidates if text[:i].count(balanced) % 2 == 0]
    pieces = max(1, min(pieces, len(candidates) + 1))
    cuts = sorted(rng.sample(candidates, pieces - 1)) if candidates and pieces > 1 else []
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _var(rng: random.Random, length: int = 5) -> str:
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(length))


def _outside_quotes(text: str) -> list[tuple[str, bool]]:
    """Split PowerShell text into (segment, is_code) parts; strings and comments are not code."""
    parts: list[tuple[str, bool]] = []
    i = 0
    start = 0
    while i < len(text):
        ch = text[i]
        if ch == "#" and (i == 0 or text[i - 1] in " \t\r\n;" or text[i - 1] == "<"):
            if start < i:
                parts.append((text[start:i], True))
            block = i > 0 and text[i - 1] == "<"
            end = text.find("#>", i + 1) + 2 if block and "#>" in text[i + 1:] else text.find("\n", i)
            end = len(text) if end <= i else end
            parts.append((text[i:end], False))
            i = start = end
            continue
        if ch in "'\"":
            if start < i:
                parts.append((text[start:i], True))
            end = i + 1
            while end < len(text):
                if ch == '"' and text[end] == "`":  # PowerShell escape inside a double-quoted string
                    end += 2
                    continue
                if text[end] == ch:
                    if end + 1 < len(text) and text[end + 1] == ch:
                        end += 2
                        continue
                    break
                end += 1
            parts.append((text[i:end + 1], False))
            i = start = end + 1
            continue
        i += 1
    if start < len(text):
        parts.append((text[start:], True))
    return parts


# --- PowerShell ----------------------------------------------------------------------------

def ps_encoded_command(command: str, seed: int = 0) -> str:
    """`powershell -NoP -W Hidden -<prefix of EncodedCommand> <base64 UTF-16LE>`."""
    rng = random.Random(seed)
    flag = rng.choice(["-e", "-en", "-enc", "-ec", "-EncodedCommand", "-eNcOdEdCoMmAnD", "/enc", "-encod"])
    launcher = rng.choice(["powershell", "powershell.exe", "PowerShell", "pwsh"])
    blob = base64.b64encode(command.encode("utf-16-le")).decode()
    return f"{launcher} -NoP -NonI -W Hidden {flag} {blob}"


def ps_base64_text(command: str, seed: int = 0) -> str:
    """`iex ([Text.Encoding]::<enc>.GetString([Convert]::FromBase64String('...')))`."""
    rng = random.Random(seed)
    encoding, codec = rng.choice([("UTF8", "utf-8"), ("Unicode", "utf-16-le"), ("ASCII", "ascii")])
    if codec == "ascii" and not command.isascii():
        encoding, codec = "UTF8", "utf-8"
    blob = base64.b64encode(command.encode(codec)).decode()
    return f"iex ([Text.Encoding]::{encoding}.GetString([Convert]::FromBase64String('{blob}')))"


def ps_deflate_base64(command: str, seed: int = 0) -> str:
    """Deflate (or GZip) stream over a base64 blob, read back with a StreamReader."""
    rng = random.Random(seed)
    if rng.random() < 0.5:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        data = compressor.compress(command.encode()) + compressor.flush()
        stream = "IO.Compression.DeflateStream"
    else:
        data = gzip.compress(command.encode(), mtime=0)
        stream = "IO.Compression.GzipStream"
    blob = base64.b64encode(data).decode()
    return (f"iex ((New-Object IO.StreamReader((New-Object {stream}([IO.MemoryStream]"
            f"[Convert]::FromBase64String('{blob}'),[IO.Compression.CompressionMode]::Decompress)),"
            f"[Text.Encoding]::UTF8)).ReadToEnd())")


def ps_concat(command: str, seed: int = 0) -> str:
    """`iex ('Inv'+'oke'+...)`."""
    rng = random.Random(seed)
    parts = _split_points(command, rng, rng.randint(3, 8))
    return "iex (" + "+".join(_ps_quote(p) for p in parts) + ")"


def ps_format_operator(command: str, seed: int = 0) -> str:
    """`iex ("{2}{0}{1}" -f 'b','c','a')`: fragments shuffled, reassembled by index."""
    rng = random.Random(seed)
    parts = _split_points(command, rng, rng.randint(3, 8))
    order = list(range(len(parts)))
    rng.shuffle(order)
    # order[k] = position in the argument list of the k-th fragment
    args = [""] * len(parts)
    for fragment_index, slot in enumerate(order):
        args[slot] = parts[fragment_index]
    template = "".join("{" + str(slot) + "}" for slot in order)
    return f'iex ("{template}" -f ' + ",".join(_ps_quote(a) for a in args) + ")"


def ps_char_codes(command: str, seed: int = 0) -> str:
    """`[char]` codes: `-join [char[]](..)`, `((..)|%{[char]$_}) -join ''` or `[string][char]73+[char]69`."""
    rng = random.Random(seed)
    codes = [ord(c) for c in command]
    style = rng.randrange(3)
    if style == 0:
        return "iex (-join [char[]](" + ",".join(str(c) for c in codes) + "))"
    if style == 1:
        return "iex (((" + ",".join(str(c) for c in codes) + ")|%{[char]$_}) -join '')"
    return "iex ([string]" + "+".join(f"[char]{c}" for c in codes) + ")"


def ps_reverse(command: str, seed: int = 0) -> str:
    """A reversed literal turned around with a negative range, [array]::Reverse or RightToLeft."""
    rng = random.Random(seed)
    name = _var(rng)
    reversed_literal = _ps_quote(command[::-1])
    style = rng.randrange(3 if "\n" not in command else 2)
    if style == 0:
        return f"${name}={reversed_literal}; iex (-join ${name}[-1..-(${name}.Length)])"
    if style == 1:
        return f"${name}={reversed_literal}.ToCharArray(); [array]::Reverse(${name}); iex (-join ${name})"
    return f"iex (-join [regex]::Matches({reversed_literal},'.','RightToLeft'))"


def ps_backticks(command: str, seed: int = 0) -> str:
    """Backticks inside cmdlet names and `New-Object` type names (I`nv`oke-Ex`pression)."""
    rng = random.Random(seed)
    out: list[str] = []
    for segment, is_code in _outside_quotes(command):
        if not is_code:
            out.append(segment)
            continue

        def tick(match: re.Match[str]) -> str:
            word = match.group(0)
            chars = [word[0]]
            safe = [i for i, ch in enumerate(word) if i > 0 and ch in _BACKTICK_SAFE]
            forced = rng.choice(safe) if safe else -1  # at least one tick per word that can take one
            for i, ch in enumerate(word[1:], start=1):
                if ch in _BACKTICK_SAFE and (i == forced or rng.random() < 0.4):
                    chars.append("`")
                chars.append(ch)
            return "".join(chars)

        out.append(re.sub(r"(?<![\$\w\-.`])(?:[A-Za-z]+-[A-Za-z]+|iex|(?<=New-Object )[\w.]+)(?![\w])",
                          tick, segment))
    return "".join(out)


def ps_random_case(command: str, seed: int = 0) -> str:
    """Random letter case on everything outside quoted strings (PowerShell ignores it there)."""
    rng = random.Random(seed)
    out: list[str] = []
    alternated = False

    def scramble(match: re.Match[str]) -> str:
        nonlocal alternated
        word = match.group(0)
        if len(word) >= 4 and (not alternated or rng.random() < 0.3):
            # aLtErNaTiNg case, as Invoke-Obfuscation does for some tokens
            alternated = True
            first = rng.random() < 0.5
            return "".join(c.upper() if (i % 2 == 0) == first else c.lower() for i, c in enumerate(word))
        return "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in word)

    for segment, is_code in _outside_quotes(command):
        if is_code:
            # Words only: a number such as 0x1f keeps its lower-case prefix.
            segment = re.sub(r"(?<![0-9])[A-Za-z][\w-]*", scramble, segment)
        out.append(segment)
    return "".join(out)


def ps_replace_chain(command: str, seed: int = 0) -> str:
    """Junk markers removed with `-replace`, a substituted letter restored with `.Replace`."""
    rng = random.Random(seed)
    lowered = command.lower()
    junk = "".join(rng.choice("QZXJKV") for _ in range(3)) + str(rng.randint(10, 99))
    while junk.lower() in lowered:
        junk += "Q"
    marker = "".join(rng.choice("qzxjv") for _ in range(2)) + "~" + str(rng.randint(0, 9))
    while marker in command:
        marker += "~"
    letters = [c for c in sorted(set(command)) if c.isalpha()]
    text = command
    swapped = rng.choice(letters) if letters else None
    if swapped is not None:
        text = text.replace(swapped, marker)
    pieces = _split_points(text, rng, rng.randint(3, 6))
    junked = junk.join(pieces)
    expression = f"({_ps_quote(junked)} -replace '{junk}','')"
    if swapped is not None:
        expression = f"{expression}.Replace({_ps_quote(marker)},{_ps_quote(swapped)})"
    return f"iex ({expression})"


def ps_split_join(command: str, seed: int = 0) -> str:
    """`iex (('a~b~c' -split '~') -join '')`."""
    rng = random.Random(seed)
    separator = rng.choice(["~", "#", "@", "!"])
    while separator in command:
        separator += separator[0]
    parts = _split_points(command, rng, rng.randint(3, 7))
    return f"iex (({_ps_quote(separator.join(parts))} -split '{re.escape(separator)}') -join '')"


def ps_bxor(command: str, seed: int = 0) -> str:
    """Bytes xor-ed with a constant key and decoded in a ForEach-Object loop."""
    rng = random.Random(seed)
    key = rng.randint(1, 255)
    data = command.encode("utf-8")
    encoded = ",".join(str(b ^ key) for b in data)
    name = _var(rng)
    style = rng.randrange(3)
    if style == 0 and command.isascii():
        return f"${name}=[byte[]]({encoded}); iex (-join (${name}|%{{[char]($_ -bxor 0x{key:x})}}))"
    if style == 1:
        # a base64 blob decoded in place by an indexed loop with a multi-byte key
        key_text = "".join(rng.choice("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(rng.randint(3, 8)))
        masked = bytes(b ^ ord(key_text[i % len(key_text)]) for i, b in enumerate(data))
        blob = base64.b64encode(masked).decode()
        index, key_name = _var(rng, 2), _var(rng, 4)
        return (f"${key_name} = [Text.Encoding]::ASCII.GetBytes('{key_text}')\n"
                f"${name} = [Convert]::FromBase64String('{blob}')\n"
                f"for (${index} = 0; ${index} -lt ${name}.Length; ${index}++) "
                f"{{ ${name}[${index}] = ${name}[${index}] -bxor ${key_name}[${index} % ${key_name}.Length] }}\n"
                f"iex ([Text.Encoding]::UTF8.GetString(${name}))")
    return (f"iex ([Text.Encoding]::UTF8.GetString([byte[]](({encoded})|%{{$_ -bxor {key}}})))")


def ps_iex_obfuscated(command: str, seed: int = 0) -> str:
    """Invoke-Expression spelled indirectly: automatic-variable letters, aliases, ScriptBlock."""
    rng = random.Random(seed)
    literal = _ps_quote(command)
    forms = [
        f"& ($ShellId[1]+$ShellId[13]+'x') ({literal})",
        f".( $PSHome[21]+$PSHome[30]+'x') {literal}",
        f"{literal} | & ($env:comspec[4,15,25]-join'')",
        f"{literal} | .($VerbosePreference.ToString()[1,3]+'x'-join'')",
        f"Invoke-Expression -Command {literal}",
        f"[ScriptBlock]::Create({literal}).Invoke()",
        f"$ExecutionContext.InvokeCommand.InvokeScript({literal})",
        f"{literal} | iex",
        f"& (gcm I*e-E*) ({literal})",
    ]
    alias = _var(rng, 4)
    forms.append(f"Set-Alias {alias} iex; {alias} ({literal})")
    return rng.choice(forms)


# --- sh / bash -----------------------------------------------------------------------------

def _sh_quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def sh_base64_pipe(command: str, seed: int = 0) -> str:
    """`echo <b64> | base64 -d | sh` and its --decode / -D / eval / $(...) forms."""
    rng = random.Random(seed)
    blob = base64.b64encode(command.encode()).decode()
    flag = rng.choice(["-d", "--decode", "-D", "-di"])
    shell = rng.choice(["sh", "bash", "/bin/sh", "/bin/bash"])
    forms = [
        f"echo {blob} | base64 {flag} | {shell}",
        f"echo '{blob}'|base64 {flag}|{shell}",
        f'eval "$(echo {blob} | base64 {flag})"',
        f'bash -c "$(echo {blob}|base64 {flag})"',
        f"base64 {flag} <<< {blob} | {shell}",
    ]
    return rng.choice(forms)


def _hex_escape(command: str) -> str:
    return "".join(f"\\x{b:02x}" for b in command.encode())


def _octal_escape(command: str) -> str:
    return "".join(f"\\{b:03o}" for b in command.encode())


def sh_hex_printf(command: str, seed: int = 0) -> str:
    """`printf '\\x63\\x75...' | sh`, octal escapes, `echo -e`, `eval "$(printf ...)"`."""
    rng = random.Random(seed)
    escaped = _hex_escape(command) if rng.random() < 0.6 else _octal_escape(command)
    forms = [
        f"printf '{escaped}' | sh",
        f'eval "$(printf \'{escaped}\')"',
        f"echo -e '{escaped}' | bash",
        f'sh -c "$(printf \'{escaped}\')"',
    ]
    return rng.choice(forms)


def sh_ansi_c(command: str, seed: int = 0) -> str:
    """ANSI-C quoting: `eval $'\\x63\\x75...'` / `bash -c $'\\143...'`."""
    rng = random.Random(seed)
    escaped = _hex_escape(command) if rng.random() < 0.5 else _octal_escape(command)
    return rng.choice([f"eval $'{escaped}'", f"bash -c $'{escaped}'", f"sh -c $'{escaped}'"])


def sh_xxd(command: str, seed: int = 0) -> str:
    """`echo <hex> | xxd -r -p | sh`."""
    rng = random.Random(seed)
    hexed = command.encode().hex()
    return rng.choice([f"echo {hexed} | xxd -r -p | sh", f"echo '{hexed}'|xxd -r -p|bash",
                       f'eval "$(echo {hexed} | xxd -p -r)"'])


def sh_gzip_base64(command: str, seed: int = 0) -> str:
    """`echo <b64 of gzip> | base64 -d | gunzip | sh` (or bzip2 -d)."""
    rng = random.Random(seed)
    if rng.random() < 0.6:
        blob = base64.b64encode(gzip.compress(command.encode(), mtime=0)).decode()
        inflate = rng.choice(["gunzip", "gzip -d", "zcat", "gzip -dc"])
    else:
        blob = base64.b64encode(bz2.compress(command.encode())).decode()
        inflate = rng.choice(["bzip2 -d", "bunzip2", "bzcat", "bzip2 -dc"])
    return f"echo {blob} | base64 -d | {inflate} | {rng.choice(['sh', 'bash'])}"


def sh_rev(command: str, seed: int = 0) -> str:
    """`echo '<reversed>' | rev | sh`."""
    rng = random.Random(seed)
    return f"echo {_sh_quote(command[::-1])} | rev | {rng.choice(['sh', 'bash'])}"


def sh_var_splice(command: str, seed: int = 0) -> str:
    """`a='cu';b='rl ...';eval "$a$b"`: the command spliced from variables."""
    rng = random.Random(seed)
    parts = _split_points(command, rng, rng.randint(2, 6))
    names: list[str] = []
    for _ in parts:
        name = _var(rng, 3)
        while name in names:
            name = _var(rng, 3)
        names.append(name)
    assignments = ";".join(f"{n}={_sh_quote(p)}" for n, p in zip(names, parts, strict=True))
    joined = "".join("${" + n + "}" if rng.random() < 0.5 else "$" + n for n in names)
    return f'{assignments};eval "{joined}"'


def sh_ifs(command: str, seed: int = 0) -> str:
    """Spaces replaced by `${IFS}` (or `$IFS$9`)."""
    rng = random.Random(seed)
    return "".join(rng.choice(["${IFS}", "$IFS$9", "${IFS}"]) if ch == " " else ch for ch in command)


# --- cmd / batch ---------------------------------------------------------------------------

def cmd_caret(command: str, seed: int = 0) -> str:
    """Carets before letters outside double quotes (p^o^w^e^r^s^h^e^l^l)."""
    rng = random.Random(seed)
    out: list[str] = []
    in_quotes = False
    # %var% / !var! references are expanded before carets are removed: leave them whole.
    for token in re.split(r"(%[^%\s]+%|![^!\s]+!)", command):
        if token.startswith(("%", "!")) and len(token) > 2 and token[-1] == token[0]:
            out.append(token)
            continue
        for ch in token:
            if ch == '"':
                in_quotes = not in_quotes
            if not in_quotes and ch.isalnum() and rng.random() < 0.45:
                out.append("^")
            out.append(ch)
    return "".join(out)


_SET_UNSAFE = set('%"^&|<>!\r\n=')


def cmd_set_substring(command: str, seed: int = 0) -> str:
    """An alphabet in a variable; the command spelled with `%v:~n,1%` (some negative)."""
    rng = random.Random(seed)
    alphabet = sorted({c for c in command if c not in _SET_UNSAFE and c != " "})
    padding = [c for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" if c not in alphabet]
    alphabet += rng.sample(padding, min(8, len(padding)))
    rng.shuffle(alphabet)
    table = "".join(alphabet)
    name = _var(rng, 4)
    pieces: list[str] = []
    # %VAR% references stay as written: spelling their names out would change what cmd expands.
    protected = {i for m in re.finditer(r"%[^%\s]+%|%~?[a-zA-Z]*[0-9*]", command) for i in range(m.start(), m.end())}
    for position, ch in enumerate(command):
        if ch in table and position not in protected:
            index = table.index(ch)
            if rng.random() < 0.3:
                pieces.append(f"%{name}:~{index - len(table)},1%")
            else:
                pieces.append(f"%{name}:~{index},1%")
        else:
            pieces.append(ch)
    return f'@echo off\r\nset "{name}={table}"\r\n' + "".join(pieces) + "\r\n"


def cmd_delayed_expansion(command: str, seed: int = 0) -> str:
    """`cmd /v:on /c "set a=..&&set b=..&&!a!!b!"` (or a setlocal block for awkward commands)."""
    rng = random.Random(seed)
    parts = _split_points(command, rng, rng.randint(2, 5), balanced='"')
    names = [_var(rng, 3) + str(i) for i in range(len(parts))]
    joined = "".join(f"!{n}!" for n in names)
    if not any(c in command for c in '"&|<>%^!'):
        sets = "&&".join(f"set {n}={p}" for n, p in zip(names, parts, strict=True))
        return f'cmd /v:on /c "{sets}&&{joined}"'
    if "!" in command:  # delayed expansion would eat the exclamation marks
        return cmd_caret(command, seed)
    lines = ["@echo off", "setlocal EnableDelayedExpansion"]
    # Unquoted `set` of pieces cut where quotes are balanced: & | < > outside quotes escaped.
    lines += [f"set {n}={_cmd_escape(p)}" for n, p in zip(names, parts, strict=True)]
    lines.append(joined)
    return "\r\n".join(lines) + "\r\n"


_ENV_VALUES = {
    "COMSPEC": "C:\\Windows\\system32\\cmd.exe",
    "ProgramData": "C:\\ProgramData",
    "PUBLIC": "C:\\Users\\Public",
    "windir": "C:\\Windows",
}


def cmd_env_substring(command: str, seed: int = 0) -> str:
    """Letters of the command name taken from known variables (`%COMSPEC:~-16,1%`)."""
    rng = random.Random(seed)
    head, sep, rest = command.partition(" ")
    pieces: list[str] = []
    protected = {i for m in re.finditer(r"%[^%\s]+%", head) for i in range(m.start(), m.end())}
    for position, ch in enumerate(head):
        sources = [(n, v) for n, v in _ENV_VALUES.items() if ch in v]
        if ch.isalpha() and sources and position not in protected and rng.random() < 0.7:
            name, value = rng.choice(sources)
            positions = [i for i, c in enumerate(value) if c == ch]
            index = rng.choice(positions)
            if rng.random() < 0.5:
                index -= len(value)
            pieces.append(f"%{rng.choice([name, name.upper(), name.lower()])}:~{index},1%")
        else:
            pieces.append(ch)
    return "".join(pieces) + sep + rest


def cmd_for_delims(command: str, seed: int = 0) -> str:
    """The command's first word hidden as a token of a `for /f` delimited string."""
    rng = random.Random(seed)
    head, sep, rest = command.partition(" ")
    if any(c in head for c in '"%^&|<>()'):  # the token must be plain text inside ("...")
        return cmd_caret(command, seed)
    delimiter = rng.choice(["#", "~", ";", "@"])
    junk = [_var(rng, 4) for _ in range(2)]
    position = rng.randint(1, 3)
    tokens = junk[: position - 1] + [head] + junk[position - 1:]
    return f'for /f "tokens={position} delims={delimiter}" %%i in ("{delimiter.join(tokens)}") do %%i{sep}{rest}'


def cmd_call(command: str, seed: int = 0) -> str:
    """The command stored in a variable and run through `call` (a command with % signs, which
    `call` would expand a second time, gets carets instead)."""
    if "%" in command:
        return cmd_caret(command, seed)
    rng = random.Random(seed)
    name = _var(rng, 4)
    return f"@echo off\r\nset {name}={_cmd_escape(command)}\r\ncall %{name}%\r\n"


def _cmd_escape(text: str) -> str:
    """Escape & | < > outside double quotes so an unquoted `set` stores them instead of running them."""
    escaped: list[str] = []
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        escaped.append("^" + ch if ch in "&|<>" and not quoted else ch)
    return "".join(escaped)


POWERSHELL: tuple[Obfuscator, ...] = (
    ps_encoded_command, ps_base64_text, ps_deflate_base64, ps_concat, ps_format_operator, ps_char_codes,
    ps_reverse, ps_backticks, ps_random_case, ps_replace_chain, ps_split_join, ps_bxor, ps_iex_obfuscated,
)
SHELL: tuple[Obfuscator, ...] = (
    sh_base64_pipe, sh_hex_printf, sh_ansi_c, sh_xxd, sh_gzip_base64, sh_rev, sh_var_splice, sh_ifs,
)
CMD: tuple[Obfuscator, ...] = (
    cmd_caret, cmd_set_substring, cmd_delayed_expansion, cmd_env_substring, cmd_for_delims, cmd_call,
)


def stack(command: str, obfuscators: Sequence[Obfuscator], seed: int = 0) -> str:
    """Apply `obfuscators` in order (the first is innermost), each with its own derived seed."""
    text = command
    for index, obfuscate in enumerate(obfuscators):
        text = obfuscate(text, seed * 1000 + index)
    return text
