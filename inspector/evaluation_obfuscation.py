"""Framework-style obfuscation of whole scripts, for measuring whether detection survives it.

Public obfuscation frameworks (Bashfuscator, Invoke-Obfuscation, Invoke-DOSfuscation and their
imitators) rebuild a script from pieces the reader cannot see at once: a character array
indexed by numbers, `printf` octal/hex escapes, glob paths standing for standard binaries,
base64 chunks in junk-named variables between dead code, carets, `%VAR:~x,y%` substrings,
chains of `set`. Each transform here rewrites a whole script so that running the result would
run the script (nothing here runs anything: the output is only text), deterministically for a
seed. `TRANSFORMS[language]` names them; `variant(text, language, name, seed)` applies one,
a stacked name (`a+b`) applies `a` then `b`. `benchmarks/obfuscation_variants.py` applies
them to a labelled corpus and reports how many variants stay flagged.
"""

from __future__ import annotations

import base64
import fnmatch
import random
from collections.abc import Callable

Transform = Callable[[str, random.Random], str]

_JUNK_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _junk_name(rng: random.Random, used: set[str], length: int = 8) -> str:
    while True:
        name = rng.choice(_JUNK_LETTERS[:26]) + "".join(rng.choice(_JUNK_LETTERS + "0123456789_")
                                                        for _ in range(length - 1))
        if name not in used:
            used.add(name)
            return name


# --- shell (bash) -------------------------------------------------------------------------

def sh_char_array(text: str, rng: random.Random) -> str:
    """The script rebuilt from an array of its characters indexed by numbers, then `eval`ed."""
    alphabet = sorted(set(text))
    rng.shuffle(alphabet)
    index = {ch: i for i, ch in enumerate(alphabet)}
    name = _junk_name(rng, set())
    items = " ".join("$'\\x%02x'" % ord(ch) if ord(ch) < 128 else "$'\\u%04x'" % ord(ch) for ch in alphabet)
    rebuilt = "".join("${%s[%d]}" % (name, index[ch]) for ch in text)
    return f"{name}=({items})\neval \"{rebuilt}\"\n"


def sh_printf_octal(text: str, rng: random.Random) -> str:
    """`eval "$(printf '\\NNN...')"`: the script as octal escapes of its bytes."""
    escaped = "".join("\\%03o" % b for b in text.encode("utf-8"))
    return f"eval \"$(printf '{escaped}')\"\n"


def sh_printf_hex(text: str, rng: random.Random) -> str:
    """The script as hex escapes of `printf`, piped to a shell."""
    escaped = "".join("\\x%02x" % b for b in text.encode("utf-8"))
    return f"printf '{escaped}' | bash\n"


def sh_ansi_c(text: str, rng: random.Random) -> str:
    """`eval $'...'`: ANSI-C quoting, each byte as an octal or hex escape at random."""
    escaped = "".join(("\\%03o" if rng.random() < 0.5 else "\\x%02x") % b for b in text.encode("utf-8"))
    return f"eval $'{escaped}'\n"


# Standard binaries and where a stock Linux image keeps them: a glob of the full path with most
# letters replaced by `?`, keeping enough to name one of them and no other.
STANDARD_BINARIES = {
    name: f"/usr/bin/{name}" for name in (
        "curl", "wget", "chmod", "chown", "base64", "python3", "perl", "crontab", "nohup", "whoami",
        "id", "uname", "find", "awk", "sed", "tar", "nc", "ncat", "ssh", "scp", "openssl", "xxd",
        "touch", "cat", "echo", "rm", "cp", "mv", "mkdir", "ls", "ps", "kill", "pkill", "sudo",
        "systemctl", "useradd", "usermod", "passwd", "iptables", "history", "dd", "shred", "bash", "sh",
    )
}


def _glob_path(path: str, rng: random.Random) -> str:
    parts = path.split("/")
    # One letter kept per folder, as framework output shows (`/???/??n/`); letters of the file
    # name kept, in random order, until the glob names no other standard binary.
    head = ["".join(ch if i == keep else "?" for i, ch in enumerate(part))
            for part in parts[:-1] for keep in [rng.randrange(len(part)) if part else -1]]
    name = parts[-1]
    order = list(range(len(name)))
    rng.shuffle(order)
    kept: set[int] = set()
    others = [p for p in STANDARD_BINARIES.values() if p != path]
    while True:
        glob = "/".join([*head, "".join(ch if i in kept else "?" for i, ch in enumerate(name))])
        if not any(fnmatch.fnmatchcase(other, glob) for other in others) or len(kept) == len(name):
            return glob
        kept.add(order[len(kept)])


def sh_glob_paths(text: str, rng: random.Random) -> str:
    """Each line's leading standard binary replaced by a glob of its full path (`/???/??n/c?r?`)."""
    lines = []
    for line in text.splitlines(keepends=True):
        stripped = line.lstrip()
        word = stripped.split(None, 1)[0] if stripped.strip() else ""
        if word in STANDARD_BINARIES:
            indent = line[: len(line) - len(stripped)]
            line = indent + _glob_path(STANDARD_BINARIES[word], rng) + stripped[len(word):]
        lines.append(line)
    return "".join(lines)


# --- PowerShell ---------------------------------------------------------------------------

def _ps_single(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


_DEAD_CODE = (
    "if ($false) {{ Write-Output '{w}' }}",
    "${v} = {n} * {m}",
    "# {w}",
    "[void]({n} -band {m})",
    "${v} = '{w}'.ToUpper()",
)


def _dead_line(rng: random.Random, used: set[str]) -> str:
    word = "".join(rng.choice(_JUNK_LETTERS) for _ in range(rng.randrange(4, 12)))
    return rng.choice(_DEAD_CODE).format(w=word, v=_junk_name(rng, used), n=rng.randrange(1, 999),
                                         m=rng.randrange(1, 999))


def ps_chunked_base64(text: str, rng: random.Random) -> str:
    """The script's UTF-16LE base64 cut into chunks kept in junk-named variables between lines
    of dead code, joined and run by `iex` of the decoded text."""
    encoded = base64.b64encode(text.encode("utf-16-le")).decode("ascii")
    used: set[str] = set()
    size = max(8, len(encoded) // rng.randrange(4, 9))
    chunks = [encoded[i:i + size] for i in range(0, len(encoded), size)]
    names = []
    lines = []
    for chunk in chunks:
        name = _junk_name(rng, used)
        names.append(name)
        lines.append(f"${name} = '{chunk}'")
        for _ in range(rng.randrange(0, 3)):
            lines.append(_dead_line(rng, used))
    whole = _junk_name(rng, used)
    lines.append(f"${whole} = " + " + ".join(f"${n}" for n in names))
    lines.append(f"iex ([System.Text.Encoding]::Unicode.GetString([System.Convert]::FromBase64String(${whole})))")
    return "\n".join(lines) + "\n"


def _pieces(text: str, rng: random.Random, low: int = 3, high: int = 9) -> list[str]:
    pieces = []
    i = 0
    while i < len(text):
        step = rng.randrange(low, high)
        pieces.append(text[i:i + step])
        i += step
    return pieces or [""]


def ps_concat(text: str, rng: random.Random) -> str:
    """`iex (('a'+'b')+...)`: the script as a concatenation of short literals."""
    return "iex (" + "+".join(_ps_single(p) for p in _pieces(text, rng)) + ")\n"


def ps_format(text: str, rng: random.Random) -> str:
    """`iex ("{2}{0}{1}" -f ...)`: the format operator over shuffled pieces."""
    pieces = _pieces(text, rng, 4, 12)
    order = list(range(len(pieces)))
    rng.shuffle(order)
    position = {piece_index: slot for slot, piece_index in enumerate(order)}
    template = "".join("{%d}" % position[i] for i in range(len(pieces)))
    arguments = ",".join(_ps_single(pieces[i]) for i in order)
    return f"iex ({_ps_single(template)} -f {arguments})\n"


def ps_char_codes(text: str, rng: random.Random) -> str:
    """`iex (-join [char[]](105,101,...))`: the script as character codes."""
    codes = ",".join(str(ord(ch)) for ch in text)
    return f"iex (-join [char[]]({codes}))\n"


# Letters after which a backtick means nothing (`` `a `` `` `b `` `` `e `` `` `f `` `` `n `` `` `r ``
# `` `t `` `` `u `` `` `v `` `` `0 `` are escapes).
_TICK_SAFE = frozenset("cdghijklmopqswxyzCDGHIJKLMOPQSWXYZ")


def ps_ticks(text: str, rng: random.Random) -> str:
    """Backticks inside command and parameter names: code outside strings, comments, variables,
    type literals and members (where a backtick would change the meaning)."""
    out = []
    quote = ""
    comment = False
    brackets = 0
    eligible = False  # inside a word that starts a command or parameter name
    previous = "\n"
    for ch in text:
        if comment:
            comment = ch != "\n"
        elif quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch == "#":
            comment = True
        elif ch == "[":
            brackets += 1
        elif ch == "]":
            brackets = max(0, brackets - 1)
        word_char = ch.isalnum() or ch in "-_"
        if word_char and not (previous.isalnum() or previous in "-_"):
            eligible = (not quote and not comment and brackets == 0 and previous in " \t\r\n(|;{}="
                        and (ch.isalpha() or ch == "-"))
        elif not word_char:
            eligible = False
        if eligible and ch in _TICK_SAFE and previous.isalpha() and rng.random() < 0.4:
            out.append("`")
        out.append(ch)
        previous = ch
    return "".join(out)


# --- cmd (batch) --------------------------------------------------------------------------

_CMD_SKIP_WORD = frozenset("%!\"^")


def cmd_carets(text: str, rng: random.Random) -> str:
    """`^` inside words outside quotes, as cmd's parser drops them (`n^e^t u^ser`); words with
    variables (`%x%`, `!x!`) or carets of their own are left alone."""
    lines = []
    for line in text.splitlines(keepends=True):
        if line.lstrip().lower().startswith((":", "@rem", "rem")):
            lines.append(line)
            continue
        out = []
        quoted = False
        for word in line.split(" "):
            if quoted or _CMD_SKIP_WORD & set(word):
                out.append(word)
            else:
                out.append("".join(("^" + ch if ch.isalpha() and i > 0 and rng.random() < 0.4 else ch)
                                   for i, ch in enumerate(word)))
            quoted ^= word.count('"') % 2 == 1
        lines.append(" ".join(out))
    return "".join(lines)


def _cmd_plain_line(line: str) -> bool:
    """A line whose text can move into a variable and come back by `%v%` unchanged."""
    stripped = line.strip()
    return bool(stripped) and "%" not in stripped and not stripped.startswith((":", "@", "(", ")")) \
        and stripped.lower() not in ("echo off",) and not stripped.lower().startswith(("rem", "set ", "goto"))


def cmd_substrings(text: str, rng: random.Random) -> str:
    """Each line's first word spelled as `%VAR:~x,1%` substrings of a shuffled alphabet variable."""
    letters = sorted({ch for ch in text if ch.isalnum() or ch in ".-_\\:"})
    rng.shuffle(letters)
    name = _junk_name(rng, set(), 6)
    lines = [f"@set \"{name}={''.join(letters)}\"\n"]
    for line in text.splitlines(keepends=True):
        if _cmd_plain_line(line):
            stripped = line.lstrip()
            word = stripped.split(None, 1)[0]
            if all(ch in letters for ch in word):
                spelled = "".join(f"%{name}:~{letters.index(ch)},1%" for ch in word)
                line = line[: len(line) - len(stripped)] + spelled + stripped[len(word):]
        lines.append(line)
    return "".join(lines)


def cmd_set_chain(text: str, rng: random.Random) -> str:
    """Each plain line cut into pieces held by `set` variables, run as `%a%%b%%c%`."""
    used: set[str] = set()
    header = []
    lines = []
    for line in text.splitlines(keepends=True):
        if not _cmd_plain_line(line):
            lines.append(line)
            continue
        body = line.rstrip("\r\n")
        ending = line[len(body):]
        names = []
        for piece in _pieces(body, rng, 3, 10):
            name = _junk_name(rng, used, 6)
            names.append(name)
            header.append(f"@set \"{name}={piece}\"\n")
        lines.append("".join(f"%{n}%" for n in names) + ending)
    return "".join(header) + "".join(lines)


TRANSFORMS: dict[str, dict[str, Transform]] = {
    "shell": {"char_array": sh_char_array, "printf_octal": sh_printf_octal, "printf_hex": sh_printf_hex,
              "ansi_c": sh_ansi_c, "glob_paths": sh_glob_paths},
    "powershell": {"chunked_base64": ps_chunked_base64, "concat": ps_concat, "format": ps_format,
                   "char_codes": ps_char_codes, "ticks": ps_ticks},
    "cmd": {"carets": cmd_carets, "substrings": cmd_substrings, "set_chain": cmd_set_chain},
}
# Two transforms, the inner one first: what a framework's "stacked" options produce.
STACKED: dict[str, tuple[str, ...]] = {
    "shell": ("glob_paths+char_array", "glob_paths+printf_octal"),
    "powershell": ("ticks+chunked_base64", "concat+chunked_base64"),
    "cmd": ("carets+set_chain", "carets+substrings"),
}


def transform_names(language: str) -> list[str]:
    return [*TRANSFORMS.get(language, {}), *STACKED.get(language, ())]


def variant(text: str, language: str, name: str, seed: int) -> str:
    """`text` through the transform(s) `name` (`a` or `a+b`) of `language`, deterministically for `seed`."""
    transforms = TRANSFORMS[language]
    rng = random.Random(f"{seed}:{language}:{name}")
    for step in name.split("+"):
        if step not in transforms:
            raise KeyError(f"no {language} transform {step!r}")
        text = transforms[step](text, rng)
    return text


__all__ = ["STACKED", "STANDARD_BINARIES", "TRANSFORMS", "Transform", "transform_names", "variant"]
