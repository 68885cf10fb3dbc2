"""Payload Inspector: decides whether an Azure VM extension payload is malicious, and explains why."""

__version__ = "0.1.0"
