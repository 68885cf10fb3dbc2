"""A runtime for the value-level operations, without a syntax tree: records what it is asked."""

from __future__ import annotations

from dataclasses import dataclass, field

from tree_sitter import Node


@dataclass
class FakeRuntime:
    techniques: set[str] = field(default_factory=set)
    max_value: int = 1024
    regex_timeout: float = 0.1
    reversed_arguments: list[list[Node]] = field(default_factory=list)

    def reverse_variable(self, arg_nodes: list[Node]) -> None:
        self.reversed_arguments.append(arg_nodes)
