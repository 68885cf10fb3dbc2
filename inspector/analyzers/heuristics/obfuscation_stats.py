"""Obfuscation itself as evidence: entropy, encoded blobs, token statistics, layer depth.

Each statistic is weak (admins base64 a config, minified JSON has long lines), so these
score low and cap low; they matter combined with each other and with behaviour found in
the same text or in the deobfuscated children the pipeline scans.
"""

from __future__ import annotations

import math
from collections import Counter

import regex

from inspector.stage import Heuristic
from inspector.analyzers.heuristics.patterns import DEFAULT_FLAGS, Family, PatternRule, TextView
from inspector.model import Finding

ENTROPY_MIN_CHARS = 512
ENTROPY_THRESHOLD = 5.4
SPECIAL_RATIO_MIN_CHARS = 200
SPECIAL_RATIO_THRESHOLD = 0.33
LONG_LINE_CHARS = 4000
# Layer techniques that are packaging, not obfuscation.
PACKAGING_LAYERS = frozenset({"zip-member", "tar-member", "7z-member", "gzip", "bzip2", "xz", "fetch"})

HIGH_ENTROPY = Heuristic(
    id="heur.obfuscation.high_entropy",
    title="High-entropy text",
    description="Character entropy typical of encoded or encrypted data rather than readable script.",
    score=50,
    attack=("T1027",),
)
BASE64_BLOB = Heuristic(
    id="heur.obfuscation.base64_blob",
    title="Long base64 blob",
    description="A base64 run of hundreds of characters: an embedded script or binary.",
    score=50,
    attack=("T1027",),
    cap=100,
)
SPECIAL_CHARS = Heuristic(
    id="heur.obfuscation.special_char_ratio",
    title="Unusual share of punctuation",
    description="More than a third of the characters are punctuation: typical of character-level obfuscation.",
    score=60,
    attack=("T1027",),
)
LONG_LINE = Heuristic(
    id="heur.obfuscation.long_line",
    title="Very long line",
    description="A single line of thousands of characters.",
    score=20,
    attack=("T1027",),
)
CONCATENATION = Heuristic(
    id="heur.obfuscation.string_concatenation",
    title="Many string concatenations",
    description="Dozens of short quoted fragments joined with +: keyword splitting to evade signatures.",
    score=100,
    attack=("T1027",),
)
BACKTICKS = Heuristic(
    id="heur.obfuscation.backtick_escapes",
    title="Backtick escapes inside words",
    description="PowerShell backticks inside command names (I`nv`oke) change nothing but the text.",
    score=150,
    attack=("T1027",),
)
CHAR_CODES = Heuristic(
    id="heur.obfuscation.char_codes",
    title="Strings built from character codes",
    description="Many [char] casts or char arrays: text assembled from numbers to hide it.",
    score=150,
    attack=("T1027",),
)
CARETS = Heuristic(
    id="heur.obfuscation.caret_escapes",
    title="cmd caret escapes inside words",
    description="Carets inside command names (p^o^w^e^r^s^h^e^l^l) only serve to break signatures.",
    score=150,
    attack=("T1027",),
)
CMD_SUBSTRING = Heuristic(
    id="heur.obfuscation.cmd_substrings",
    title="cmd variable substring extraction",
    description="Many %var:~n,m% extractions assemble commands character by character.",
    score=150,
    attack=("T1027",),
)
ENCODED_COMMAND = Heuristic(
    id="heur.obfuscation.encoded_command",
    title="PowerShell encoded command",
    description="powershell -EncodedCommand (or any prefix, -e/-enc) hides the command in base64.",
    score=80,
    attack=("T1027", "T1059.001"),
)
DECODE_EXECUTE = Heuristic(
    id="heur.obfuscation.decode_execute",
    title="Decoded data executed",
    description="Base64/hex/compressed data decoded and handed straight to an interpreter (IEX, sh, eval). "
    "Admins occasionally base64 a script to dodge quoting, so this is medium on its own.",
    score=100,
    attack=("T1140", "T1027"),
)
FORMAT_OPERATOR = Heuristic(
    id="heur.obfuscation.format_operator",
    title="Reordered format-operator string",
    description="\"{2}{0}{1}\" -f ... rebuilds a word from shuffled pieces.",
    score=120,
    attack=("T1027",),
)
REVERSED = Heuristic(
    id="heur.obfuscation.reversed_string",
    title="Reversed string executed",
    description="A string reversed ([-1..-n], [array]::Reverse, rev) before use.",
    score=100,
    attack=("T1027",),
)
RANDOM_CASE = Heuristic(
    id="heur.obfuscation.random_case",
    title="Randomised letter case",
    description="Command names in alternating case (InVoKe-ExPrEsSiOn).",
    score=80,
    attack=("T1027",),
)
SHELL_SPLICING = Heuristic(
    id="heur.obfuscation.shell_splicing",
    title="Shell command spliced from variables or escapes",
    description="Commands assembled from variables ($a$b), ${IFS} or many $'\\x..' escapes.",
    score=120,
    attack=("T1027",),
)
LAYERS = Heuristic(
    id="heur.obfuscation.layers",
    title="Several deobfuscation layers",
    description="This text was only reached by peeling several obfuscation layers.",
    score=60,
    attack=("T1027",),
    cap=240,
)

RULES = (
    PatternRule(
        ENCODED_COMMAND,
        r"\b(?:powershell|pwsh)(?:\.exe)?[\"']?\s+(?:-\w++(?:\s++(?!-)[^\s-]\S*+)?\s++)*-e(?:n(?:c(?:o(?:d(?:e(?:d(?:c(?:o(?:m(?:m(?:a(?:n(?:d)?)?)?)?)?)?)?)?)?)?)?)?)?\s+[\"']?[A-Za-z0-9+/]{20,}={0,2}",
        keywords=("powershell", "pwsh"),
    ),
    PatternRule(
        DECODE_EXECUTE,
        r"(?:frombase64string|gzipstream|deflatestream)[^\n]{0,2000}?(?:\|\s*(?:iex|invoke-expression)\b|\)\s*\)?\s*$)"
        r"|(?:\biex\b|invoke-expression|\.\s*\(\s*\$)[^\n]{0,300}(?:frombase64string|gzipstream|deflatestream)"
        r"|(?:base64\s+(?:-d|--decode|-D)|openssl\s+(?:enc\s+)?-?base64\s+-d|xxd\s+-r(?:\s+-p)?|gunzip|zcat|bzip2\s+-d|\brev\b)[^\n|]{0,200}\|\s*(?:sudo\s+)?(?:(?:/usr)?/bin/)?(?:ba|z|da)?sh\b"
        r"|\beval\s+[\"']?\$\([^\n]{0,300}(?:base64\s+(?:-d|--decode)|xxd\s+-r|gunzip|rev\b)"
        r"|(?:ba)?sh\s+-c\s+[\"']?\$\([^\n]{0,300}base64\s+(?:-d|--decode)"
        r"|exec\s*\(\s*(?:base64\.b64decode|zlib\.decompress|codecs\.decode)",
        # Command words carry their space or punctuation: base64 blobs have none, so chance
        # three-letter hits inside megabytes of encoded data do not wake the pattern up.
        keywords=("frombase64string", "gzipstream", "deflatestream", "base64 ", "xxd -r", "gunzip", "zcat", "bzip2 -d",
                  " rev", "b64decode", "zlib.", "codecs.decode"),
    ),
    PatternRule(
        FORMAT_OPERATOR,
        r"[\"'](?:\{\d{1,2}\}[^\"'{}\n]{0,20}){3,}[\"']\s*-f\b",
        keywords=("-f",),
    ),
    PatternRule(
        REVERSED,
        r"\[\s*-1\s*\.\.\s*-?\(?[\w$.]+|\[array\]::reverse\(|-join\s*\(?\s*[\"'][^\"']*[\"']\s*\[\s*-1|\|\s*rev\s*\|\s*(?:ba)?sh\b|\|\s*rev\s*\)",
        keywords=("-1", "reverse", "rev"),
    ),
)

_EXPLAINING_RULES = tuple(rule for rule in RULES if rule.heuristic in (ENCODED_COMMAND, DECODE_EXECUTE))
# A match always starts where a run starts (greedy, leftmost); the look-behind says so, which
# makes each position inside a shorter run cost one step instead of a scan to the run's end.
_BASE64_RUN_MIN = 400
_BASE64_RUN = regex.compile(r"(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{%d,}={0,2}" % _BASE64_RUN_MIN, regex.VERSION0)
_CONCAT = regex.compile(r"[\"'][^\"'\n]{0,12}[\"']\s*\+\s*[\"']", regex.VERSION0)
_TICK_IN_WORD = regex.compile(r"[A-Za-z]`[A-Za-z]", regex.VERSION0)
_CHAR_CAST = regex.compile(r"\[char\]\s*(?:0x[0-9a-f]{1,4}|\d{1,5})|\[char\[\]\]\s*\(?\s*\d{1,5}\s*,", DEFAULT_FLAGS)
_CARET_IN_WORD = regex.compile(r"[A-Za-z]\^[A-Za-z]", regex.VERSION0)
_CMD_SUBSTRING = regex.compile(r"%[A-Za-z_][A-Za-z0-9_]{0,30}:~-?\d{1,4}(?:,-?\d{1,4})?%|![A-Za-z_][A-Za-z0-9_]{0,30}:~-?\d{1,4}(?:,-?\d{1,4})?!", regex.VERSION0)
_SPLICE = regex.compile(r"(?<![\w\\])\$\{?[A-Za-z_]\w{0,10}\}?\$\{?[A-Za-z_]\w{0,10}\}?(?:\$\{?[A-Za-z_]\w{0,10}\}?)*|\$\{IFS\}|\$IFS\b|\$'(?:\\x[0-9a-fA-F]{2}|\\[0-7]{3}){4,}", regex.VERSION0)
# Whole words only, never pieces of a base64 run (bounded by digits, + or /); the
# look-behind also makes a long run of letters cost one attempt, not one per position.
_WORDS = regex.compile(r"(?<![\w+/-])[A-Za-z][A-Za-z-]{5,40}(?![\w+/=-])", regex.VERSION0)

# One or two decoding steps are common (an encoded command, a base64 inline script); from
# the third layer on, the wrapping is deliberate. `LAYERS` is a property of where an artifact
# sits in its tree, not of its bytes: inspector/analysis/placement.py finds it on the whole tree.
MIN_LAYERS_DEPTH = 3
MIN_CONCATENATIONS = 15
MIN_TICKS = 6
MIN_CHAR_CASTS = 8
MIN_CARETS = 8
MIN_SUBSTRINGS = 6
MIN_SPLICES = 3
MIN_RANDOM_CASE_WORDS = 3


def shannon_entropy(text: str) -> float:
    if not text:
        return 0.0
    counts = Counter(text)
    total = len(text)
    return -sum((c / total) * math.log2(c / total) for c in counts.values())


_CASE_TOKENS = regex.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", regex.VERSION0)


def is_random_case(word: str) -> bool:
    """camelCase/PascalCase split into real words; random case splits into 1-2 letter shards."""
    tokens = _CASE_TOKENS.findall(word)
    short = sum(1 for t in tokens if len(t) <= 2)
    return short >= 3 and short * 2 >= len(tokens)


_ASCII_ALNUM = bytes(b for b in range(128) if chr(b).isalnum())


def _count_special(compact: str) -> int:
    """Characters that are not letters or digits (str.isalnum); ASCII text is counted in one C
    pass (deleting the alphanumerics) instead of a Python loop over every character."""
    if compact.isascii():
        return len(compact.encode("ascii").translate(None, _ASCII_ALNUM))
    return sum(1 for ch in compact if not ch.isalnum())


def _search(view: TextView, pattern: regex.Pattern[str], rule_id: str, text: str) -> bool:
    return bool(view.finditer(pattern, rule_id, limit=1, text=text))


def statistics_findings(view: TextView) -> list[Finding]:
    text = view.text[: view.limits.stats_sample_chars]
    findings: list[Finding] = []
    compact = "".join(text.split())
    # An encoded command or a decode-and-run already explains a blob and the entropy it brings;
    # counting them again would score one piece of evidence three times.
    explained = any(_search(view, rule.compiled, rule.heuristic.id, text) for rule in _EXPLAINING_RULES
                    if view.has_any(rule.keywords))
    if not explained and len(compact) >= ENTROPY_MIN_CHARS and shannon_entropy(compact) >= ENTROPY_THRESHOLD:
        findings.append(view.finding(HIGH_ENTROPY, None))
    if len(compact) >= SPECIAL_RATIO_MIN_CHARS:
        special = _count_special(compact)
        if special / len(compact) >= SPECIAL_RATIO_THRESHOLD:
            findings.append(view.finding(SPECIAL_CHARS, None))
    longest = max((len(line) for line in text.split("\n")), default=0)
    if longest >= LONG_LINE_CHARS:
        findings.append(view.finding(LONG_LINE, None))
    # A base64 run never spans a line break, so text whose lines are all shorter than the
    # shortest run has none (the common case, and the scan costs a regex step per character).
    blobs = [] if explained or longest < _BASE64_RUN_MIN else view.finditer(_BASE64_RUN, BASE64_BLOB.id, limit=10,
                                                                           text=text)
    if blobs:
        big = any(m.end() - m.start() >= 4000 for m in blobs)
        findings.append(view.finding(BASE64_BLOB, blobs[0], count=2 if big else 1))
    for heuristic, pattern, minimum, keyword in (
        (CONCATENATION, _CONCAT, MIN_CONCATENATIONS, "+"),
        (BACKTICKS, _TICK_IN_WORD, MIN_TICKS, "`"),
        (CHAR_CODES, _CHAR_CAST, MIN_CHAR_CASTS, "char"),
        (CARETS, _CARET_IN_WORD, MIN_CARETS, "^"),
        (CMD_SUBSTRING, _CMD_SUBSTRING, MIN_SUBSTRINGS, ":~"),
        (SHELL_SPLICING, _SPLICE, MIN_SPLICES, "$"),
    ):
        if keyword not in view.lowered:
            continue
        matches = view.finditer(pattern, heuristic.id, limit=minimum, text=text)
        if len(matches) >= minimum:
            findings.append(view.finding(heuristic, matches[0]))
    if text != text.lower():
        odd = 0
        first = None
        for match in view.finditer(_WORDS, RANDOM_CASE.id, limit=20_000, text=text):
            word = match.group(0)
            # One case and no hyphen is a single token, never random case: skips most words.
            if "-" not in word and (word.islower() or word.isupper()):
                continue
            if is_random_case(word):
                odd += 1
                first = first or match
                if odd >= MIN_RANDOM_CASE_WORDS:
                    findings.append(view.finding(RANDOM_CASE, first))
                    break
    return findings


FAMILY = Family(name="obfuscation", rules=RULES, checks=(statistics_findings,))
HEURISTICS = FAMILY.heuristics + (
    HIGH_ENTROPY, BASE64_BLOB, SPECIAL_CHARS, LONG_LINE, CONCATENATION, BACKTICKS, CHAR_CODES, CARETS,
    CMD_SUBSTRING, SHELL_SPLICING, RANDOM_CASE, LAYERS,
)
