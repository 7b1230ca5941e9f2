"""Single-point mutants of a Python module, made from its syntax tree and applied to its source text.

Each mutant changes one node the way a slip of the hand would: a comparison turned around, `and` for
`or`, a number off by one, a condition negated, a value no longer returned, a call statement dropped.
The replacement is spliced into the original text at the node's position, so the rest of the file
(comments, layout, line numbers) is untouched and a survivor can be shown as `file:line  old → new`.
"""
from __future__ import annotations

import ast
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

_COMPARE_SWAPS = {
    ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt,
    ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
}
_BINOP_SWAPS = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Mult,
                ast.Mod: ast.FloorDiv}


@dataclass(frozen=True, slots=True)
class Mutant:
    path: str  # relative to the repository root
    line: int
    occurrence: int  # the same change at the same text elsewhere in the file: 0, 1, …
    kind: str
    old: str
    new: str
    start: int  # character offsets of the replaced text in the source
    end: int

    @property
    def key(self) -> str:
        """Stable across unrelated edits of the file: where (by line text) and what changed."""
        text = f"{self.path}|{self.kind}|{self.old}|{self.new}|{self.occurrence}"
        digest = hashlib.sha1(text.encode()).hexdigest()[:10]
        return f"{self.path}:{digest}"

    def apply(self, source: str) -> str:
        return source[: self.start] + self.new + source[self.end:]

    def describe(self) -> str:
        return f"{self.path}:{self.line} [{self.kind}] {_short(self.old)} → {_short(self.new)}"


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Offsets:
    def __init__(self, source: str) -> None:
        self.starts = [0]
        for line in source.splitlines(keepends=True):
            self.starts.append(self.starts[-1] + len(line))

    def __call__(self, line: int, col: int, text_lines: list[bytes]) -> int:
        # ast columns count UTF-8 bytes; the source is sliced by characters
        return self.starts[line - 1] + len(text_lines[line - 1][:col].decode("utf-8"))


def mutants(path: str, source: str) -> Iterator[Mutant]:
    tree = ast.parse(source)
    offsets = _Offsets(source)
    lines = [line.encode("utf-8") for line in source.splitlines(keepends=True)]
    docstrings = _docstring_nodes(tree)
    skipped = _skipped_nodes(tree)
    seen: dict[tuple[str, str, str], int] = {}

    def make(node: ast.AST, kind: str, new: str) -> Mutant | None:
        start = offsets(node.lineno, node.col_offset, lines)
        end = offsets(node.end_lineno, node.end_col_offset, lines)
        old = source[start:end]
        if old == new:
            return None
        occurrence = seen.get((kind, old, new), 0)
        seen[(kind, old, new)] = occurrence + 1
        return Mutant(path, node.lineno, occurrence, kind, old, new, start, end)

    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        for target, kind, replacement in _replacements(node, docstrings):
            mutant = make(target, kind, replacement)
            if mutant is not None:
                yield mutant


def _skipped_nodes(tree: ast.Module) -> set[int]:
    """Nodes no mutant touches: inside f-strings (Python 3.11 gives them no usable positions), decorator
    arguments (`dataclass(frozen=True)` guards against misuse, it does not compute), and log calls (the
    operator's messages are not what the tests judge)."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        roots = []
        if isinstance(node, ast.JoinedStr):
            roots = [node]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            roots = list(node.decorator_list)
        elif isinstance(node, ast.Expr) and _is_log_call(node.value):
            roots = [node]
        skipped.update(id(inner) for root in roots for inner in ast.walk(root))
    return skipped


def _is_log_call(node: ast.AST) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name) and node.func.value.id in ("log", "logger", "logging"))


def _docstring_nodes(tree: ast.Module) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first))
    return found


def _replacements(node: ast.AST, docstrings: set[int]) -> Iterator[tuple[ast.AST, str, str]]:
    """(the node whose text is replaced, kind, replacement text)."""
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _COMPARE_SWAPS:
        swapped = ast.Compare(node.left, [_COMPARE_SWAPS[type(node.ops[0])]()], node.comparators)
        yield node, "compare", f"({ast.unparse(swapped)})"
    elif isinstance(node, ast.BoolOp):
        other = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        yield node, "boolean", f"({ast.unparse(ast.BoolOp(other, node.values))})"
    elif isinstance(node, ast.BinOp) and type(node.op) in _BINOP_SWAPS and not _is_text(node):
        swapped = ast.BinOp(node.left, _BINOP_SWAPS[type(node.op)](), node.right)
        yield node, "arithmetic", f"({ast.unparse(swapped)})"
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        yield node, "negation", f"({ast.unparse(node.operand)})"
    elif isinstance(node, ast.Constant) and isinstance(node.value, bool):
        yield node, "boolean", repr(not node.value)
    elif isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        yield node, "number", repr(node.value + 1 if isinstance(node.value, int) else (node.value * 2 or 1.0))
    elif isinstance(node, (ast.If, ast.While)) and not isinstance(node.test, ast.UnaryOp):
        yield node.test, "condition", f"not ({ast.unparse(node.test)})"
    elif isinstance(node, ast.Return) and node.value is not None and not _is_none(node.value):
        yield node, "return", "return None"
    elif isinstance(node, ast.Expr) and id(node) not in docstrings and isinstance(node.value, (ast.Call, ast.Await)):
        yield node, "statement", "pass"
    elif isinstance(node, ast.AugAssign):
        yield node, "statement", "pass"


def _is_text(node: ast.BinOp) -> bool:
    # "a" + "b", f-strings and % formatting: a changed operator is a TypeError, not a behaviour
    return any(isinstance(side, (ast.Constant, ast.JoinedStr)) and isinstance(getattr(side, "value", ""), str)
               for side in (node.left, node.right))


def _is_none(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value is None
