"""Hostile inputs that once got through, kept running in CI: one module per kind of attack.

test_secret_shapes: credentials in payloads must not leave the process (redaction).
test_hostile_requests: malformed keys, strings, cursors and wrong-shaped requests against the
HTTP API are problems with stable types, never a 500 and never a clean verdict.
"""
