"""Hostile inputs that once got through, kept running in CI: one module per kind of attack.

test_secret_shapes: credentials in payloads must not leave the process (redaction).
"""
