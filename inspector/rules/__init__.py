"""YARA rule loading and versioning."""

from inspector.rules.ruleset import CompileError, Ruleset, RulesetError, compile_ruleset, rule_metadata
from inspector.rules.paths import builtin_signature_dir, load_ruleset, signature_dirs

__all__ = [
    "CompileError", "Ruleset", "RulesetError", "builtin_signature_dir", "compile_ruleset", "load_ruleset",
    "rule_metadata", "signature_dirs",
]
