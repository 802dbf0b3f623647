"""YAML loading that remembers where every value came from.

Editors fix data by line number, so every mapping loaded here knows the line
and column of each of its keys. Plain ``yaml.safe_load`` forgets them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Diagnostic, EngineError
from .safe import visible


class Located(dict):
    """A dict that knows the line/column of itself and of each key."""

    line: int = 0
    col: int = 0

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.key_marks: dict[str, tuple[int, int]] = {}

    def where(self, key: str | None = None) -> tuple[int, int]:
        if key is not None and key in self.key_marks:
            return self.key_marks[key]
        return (self.line, self.col)

    # Hashable by identity: an editor who writes a list or mapping where a name belongs
    # (``question: [usia]``) then gets "unknown question" at its line from the loader's
    # lookup, not a TypeError traceback.
    __hash__ = object.__hash__


class LocatedList(list):
    line: int = 0
    col: int = 0
    item_marks: list[tuple[int, int]]
    __hash__ = object.__hash__  # see Located.__hash__


# The C parser (libyaml) is several times faster and still reports marks.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    result = Located()
    result.line, result.col = node.start_mark.line + 1, node.start_mark.column + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}'", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_marks[key] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LocatedList:
    result = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line, result.col = node.start_mark.line + 1, node.start_mark.column + 1
    result.item_marks = [(c.start_mark.line + 1, c.start_mark.column + 1) for c in node.value]
    return result


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode):
    """An impossible date (2020-02-30) stays a string, so the field check can
    report it at its line instead of PyYAML failing without one."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_yaml(path: Path, label: str) -> Any:
    """Load one YAML file; bad bytes and bad syntax become a Diagnostic at their line."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        col = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise EngineError([Diagnostic(label, line, col, f"is not UTF-8 text (byte 0x{data[error.start]:02x})",
                                      "save the file as UTF-8 in your editor")]) from None
    return parse_yaml(text, label)


def parse_yaml(text: str, label: str, first_line: int = 1, loader: type = _Loader) -> Any:
    """YAML text to Located values; every YAML error (also a control character,
    which PyYAML reports without a mark class) becomes a Diagnostic."""
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + first_line, mark.column + 1) if mark else (first_line, 1)
        raise EngineError([Diagnostic(label, line, col, f"invalid YAML: {visible(str(error.problem or error))}",
                                      "check indentation and quoting")]) from None
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + first_line
        col = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        raise EngineError([Diagnostic(label, line, col, f"invalid YAML: the character <U+{error.character:04X}> "
                                      "is not allowed", "delete it; it may be invisible in your editor")]) from None
    except yaml.YAMLError as error:  # pragma: no cover - any other PyYAML error still gets the file
        raise EngineError([Diagnostic(label, first_line, 1, f"invalid YAML: {visible(str(error))}")]) from None
