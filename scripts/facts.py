"""Reading the fact files (`facts/*.yaml`), remembering where each value was written.

YAML is read strictly, so that what a contributor types is what the atlas gets: a key given
twice in one mapping is an error (not silently the last), dates such as 1941-06-14 stay text
(YAML would make them date objects), and only `true` and `false` are booleans (YAML 1.1 would
read the country code NO, or `yes`, as one). Every mapping and list read keeps the line of each
of its entries, so that a problem found later, in building or validating, can name the file
and line to fix.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

BOOL = "tag:yaml.org,2002:bool"
TIMESTAMP = "tag:yaml.org,2002:timestamp"


class FactError(Exception):
    """A fact file that cannot be read or built, with the file and line to fix."""

    def __init__(self, file: str, line: int | None, message: str):
        self.where, self.message = f"{file}:{line}" if line else file, message
        super().__init__(f"{self.where}: {message}")


class Mapping(dict):
    """A YAML mapping that knows its file, its line and the line of each key."""

    file: str = ""
    line: int | None = None
    lines: dict

    def line_of(self, key) -> int | None:
        return self.lines.get(key, self.line)

    def error(self, message: str, key=None) -> FactError:
        return FactError(self.file, self.line_of(key) if key is not None else self.line, message)


class Sequence(list):
    """A YAML list that knows its file, its line and the line of each item."""

    file: str = ""
    line: int | None = None
    lines: list

    def line_of(self, index: int) -> int | None:
        return self.lines[index] if 0 <= index < len(self.lines) else self.line


class _Loader(yaml.SafeLoader):
    pass


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag not in (BOOL, TIMESTAMP)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(BOOL, re.compile(r"^(?:true|false)$"), list("tf"))


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _mapping(loader: _Loader, node: yaml.MappingNode) -> Mapping:
    result = Mapping()
    result.file, result.line, result.lines = loader.name, _line(node), {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise FactError(loader.name, _line(key_node), f"{key!r} is given twice (first on line {result.lines[key]})")
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = _line(key_node)
    return result


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> Sequence:
    result = Sequence(loader.construct_object(item, deep=True) for item in node.value)
    result.file, result.line, result.lines = loader.name, _line(node), [_line(item) for item in node.value]
    return result


_Loader.add_constructor("tag:yaml.org,2002:map", _mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _sequence)


def read(path: Path, name: str | None = None):
    """The content of a fact file; `name` (default: the path) is how messages call the file."""
    name = name or str(path)
    loader = _Loader(path.read_text(encoding="utf-8"))
    loader.name = name
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise FactError(name, mark.line + 1 if mark else None, f"is not valid YAML: {error.problem or error.context}") from None
    finally:
        loader.dispose()


def plain(value):
    """The value as plain dicts and lists (what is written to GeoJSON)."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def line_of_path(value, path: list) -> int | None:
    """The line of the deepest entry of `path` (keys and indexes) that was read from a file."""
    line = getattr(value, "line", None)
    for step in path:
        if isinstance(value, Mapping) and step in value:
            line, value = value.line_of(step), value[step]
        elif isinstance(value, Sequence) and isinstance(step, int) and 0 <= step < len(value):
            line, value = value.line_of(step), value[step]
        elif isinstance(value, (dict, list)) and not isinstance(value, (Mapping, Sequence)):
            try:
                value = value[step]
            except (KeyError, IndexError, TypeError):
                break
            line = getattr(value, "line", line)
        else:
            break
    return line
