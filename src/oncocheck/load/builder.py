"""Build plain data from YAML parser events: text scalars, positions, and the safety rules.

Aliases share the anchored value instead of copying it, and their expanded size is counted,
so an alias bomb ("billion laughs") is stopped by arithmetic before anything is expanded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, ClassVar

import yaml

from oncocheck.errors import LoadFailed, load_error
from oncocheck.load.words import OPENING, curly, curly_error
from oncocheck.load.source import about, member, member_index
from oncocheck.load.visible import quoted, shown_as_is, visible
from oncocheck.report import LoadError, Text

_STANDARD = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {None, "!"} | {_STANDARD + t for t in
                               ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
_NULLS = {"", "~", "null", "Null", "NULL"}
# Escapes like "\e" can put terminal control sequences or text-direction overrides into a
# value; printed on a reviewer's terminal they could hide or fake text. Tab and newline are fine.
# A file holding one is refused; other invisible characters are shown as escapes.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class _Frame:
    """An open mapping or sequence."""

    __slots__ = ("container", "is_map", "path", "key", "key_at", "size", "anchor")

    def __init__(self, container: Any, path: str, anchor: str | None) -> None:
        self.container = container
        self.is_map = isinstance(container, dict)
        self.path = path
        self.key: str | None = None
        self.key_at = (0, 0)  # where the key is written (line, column), while `key` is set
        self.size = 1
        self.anchor = anchor


class Builder:
    """Feed it events with `feed`; then `result()` is the document."""

    _handlers: ClassVar[dict[type, Callable[[Builder, Any], None]]]

    def __init__(self, max_depth: int, max_nodes: int) -> None:
        self.max_depth, self.max_nodes = max_depth, max_nodes
        self.values: dict[str, tuple[int, int]] = {}
        self.keys: dict[str, tuple[int, int]] = {}
        self.curly: list[LoadError] = []  # values and keys in curly quotes (`load.words`)
        self._stack: list[_Frame] = []
        self._anchors: dict[str, tuple[Any, int]] = {}
        self._documents = 0
        self._done = False
        self._root: Any = None
        self._nodes = 0
        self.last: yaml.Event | None = None  # the last event taken: a syntax error's rules read it

    def result(self) -> Any:
        """The document's top-level value (None for an empty file)."""
        return self._root

    def build(self, next_event: Callable[[], yaml.Event | None]) -> None:
        """Take the parser's events until the stream ends (`last`: the last one taken)."""
        handlers, stack, scalar, opening = self._handlers, self._stack, yaml.ScalarEvent, OPENING
        event = None
        try:
            while (event := next_event()) is not None:  # None after the stream's end
                # The common case, inlined: printable text in a mapping, without tag, anchor
                # or curly quote: a key is reserved, a value stored, each with its position.
                if type(event) is scalar and stack and event.tag is None \
                        and event.anchor is None and stack[-1].is_map:
                    text, frame = event.value, stack[-1]
                    if shown_as_is(text) and text[:1] not in opening \
                            and self._fast(frame, event, text):
                        continue
                handler = handlers.get(type(event))
                if handler is not None:
                    handler(self, event)
        finally:
            self.last = event

    def _fast(self, frame: _Frame, event: yaml.ScalarEvent, text: str) -> bool:
        """Place a plain scalar in a mapping; False when it needs the general path."""
        mark, key, plain = event.start_mark, frame.key, not event.style
        assert mark is not None  # the parser marks every event (the stubs allow None)
        if key is None:
            if (plain and (text in _NULLS or text == "<<")) or text in frame.container:
                return False  # a null key, a merge key or a duplicate: refused there
            frame.key, frame.key_at = text, (mark.line + 1, mark.column + 1)
            frame.container[text] = None  # reserved: its order and duplicates are known
            return True
        path = f"{frame.path}.{key}" if frame.path else key
        self.keys[path] = frame.key_at
        self.values[path] = (mark.line + 1, mark.column + 1)
        frame.size += 1
        self._nodes += 1
        if self._nodes > self.max_nodes:
            raise self._too_many()
        frame.container[key] = None if plain and text in _NULLS else text
        frame.key = None
        return True

    def _document(self, event: yaml.DocumentStartEvent) -> None:
        self._documents += 1
        if self._documents > 1:
            raise _error(event, "het bestand bevat meer dan één YAML-document (`---`)",
                         "the file holds more than one YAML document (`---`)")

    def here(self, key: Any = None) -> str:
        """The path of the value the parser is at (`network.website`): where an error in the
        next event lies. `key` is the text of a scalar that may be a mapping key."""
        if not self._stack:
            return ""
        frame = self._stack[-1]
        if frame.is_map:
            if frame.key is not None:
                return _join(frame.path, frame.key)
            return _join(frame.path, key) if isinstance(key, str) else frame.path
        return f"{frame.path}[{len(frame.container)}]"

    def container(self) -> str:
        """The path of the innermost open mapping or list ("" at the top)."""
        return self._stack[-1].path if self._stack else ""

    def open_list(self) -> str:
        """The path of the innermost open container when it is a list (`members`), else ""."""
        return self._stack[-1].path if self._stack and not self._stack[-1].is_map else ""

    def _check_tag(self, event: yaml.ScalarEvent | yaml.CollectionStartEvent) -> None:
        tag = event.tag
        if tag not in _ALLOWED_TAGS:
            shown = tag.replace(_STANDARD, "!!") if tag and tag.startswith(_STANDARD) else tag
            raise _error(event, f"de YAML-tag {quoted(shown)} is niet toegestaan; haal hem weg",
                         f"the YAML tag {quoted(shown)} is not allowed; remove it",
                         self.here(getattr(event, "value", None)))

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        if event.tag is not None:
            self._check_tag(event)
        text = event.value
        frame = self._stack[-1] if self._stack else None
        if text[:1] in OPENING and not event.style and curly(text):  # Word's “…”
            self._curly(event, text, frame)
        if not shown_as_is(text):  # rare: most scalars are plain printable text
            is_key = frame is not None and frame.is_map and frame.key is None
            text = _shown(event, text, is_key, self.here(text if is_key else None))
        value = None if event.tag == _STANDARD + "null" or (
            not event.style and event.tag is None and text in _NULLS) else text
        if frame is None or frame.key is None or event.anchor or not frame.is_map:
            self._place(event, value, 1)
            return
        # the common case, inlined (most events are a value under a key): record the
        # positions of key and value, count the value, store it
        key = frame.key
        path = f"{frame.path}.{key}" if frame.path else key
        start = event.start_mark
        assert start is not None  # the parser marks every event (the stubs allow None)
        self.keys[path] = frame.key_at
        self.values[path] = (start.line + 1, start.column + 1)
        frame.size += 1
        self._nodes += 1
        if self._nodes > self.max_nodes:
            raise self._too_many()
        frame.container[key] = value
        frame.key = None

    def _curly(self, event: yaml.ScalarEvent, text: str, frame: _Frame | None) -> None:
        """Note a value or key wrapped in curly quotes; parsing goes on to find them all."""
        is_key = frame is not None and frame.is_map and frame.key is None
        key = frame.key if frame is not None and frame.is_map else None
        self.curly.append(curly_error(text, key, is_key, self.here(text if is_key else None),
                                      *_at(event)))

    def _open(self, event: yaml.CollectionStartEvent) -> None:
        if event.tag is not None:
            self._check_tag(event)
        if len(self._stack) >= self.max_depth:
            raise _error(event, f"te diep genest (meer dan {self.max_depth} niveaus)",
                         f"nested too deeply (more than {self.max_depth} levels)", self.here())
        container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
        path = self._child_path(event)
        self._stack.append(_Frame(container, path, event.anchor))

    def _close(self, _event: yaml.Event | None = None) -> None:
        frame = self._stack.pop()
        if frame.anchor:
            self._anchors[frame.anchor] = (frame.container, frame.size)
        if self._stack:
            self._attach(frame.container, frame.size, added=1)  # its contents are counted
        else:
            self._root = frame.container

    def _alias(self, event: yaml.AliasEvent) -> None:
        if event.anchor not in self._anchors:
            raise _error(event, f"onbekend anker {quoted(f'*{event.anchor}')}; begint de waarde "
                         "met een *, zet haar dan tussen aanhalingstekens",
                         f"unknown anchor {quoted(f'*{event.anchor}')}; if the value starts "
                         "with a *, put it in quotes", self.here())
        value, size = self._anchors[event.anchor]
        self._place(event, value, size)

    def _place(self, event: yaml.Event, value: Any, size: int) -> None:
        """Put a finished value (scalar or alias) where it belongs."""
        if not self._stack:
            self._root = value
            return
        frame = self._stack[-1]
        if isinstance(frame.container, dict) and frame.key is None:
            self._take_key(frame, event, value)
            return
        self._child_path(event)
        if isinstance(event, yaml.ScalarEvent) and event.anchor:
            self._anchors[event.anchor] = (value, size)
        self._attach(value, size)

    def _take_key(self, frame: _Frame, event: yaml.Event, key: Any) -> None:
        if not isinstance(event, yaml.ScalarEvent) or key is None:
            raise _error(event, "een sleutel moet gewone tekst zijn",
                         "a key must be plain text", frame.path)
        if key == "<<" and not event.style:
            raise _error(event, "samenvoegsleutels (`<<`) worden niet ondersteund; schrijf de "
                         "sleutels voluit", "merge keys (`<<`) are not supported; write the "
                         "keys out in full", frame.path)
        if key in frame.container:
            raise self._duplicate(frame, event, key)
        frame.key, frame.key_at = key, _at(event)
        frame.container[key] = None  # reserve the key so its order and duplicates are known

    def _duplicate(self, frame: _Frame, event: yaml.Event, key: str) -> LoadFailed:
        """A key written twice; in a member (or another list item) most likely the first key
        of the next one, written without its `- `."""
        first = self.keys.get(_join(frame.path, key), (0, 0))[0]
        text = Text(f"dubbele sleutel {quoted(key)} (eerder op regel {first})",
                    f"duplicate key {quoted(key)} (first on line {first})")
        index = member_index(frame.path)
        if frame.path == "members" or index is not None:
            text = Text(f"{text.nl}: begint hier een nieuw lid? Zet '- ' voor elk lid",
                        f"{text.en}: does a new member start here? Put '- ' before each member")
            if index is not None:
                text = about(member(index, frame.container), text)
        elif frame.path.endswith("]"):
            text = Text(f"{text.nl}: begint hier een nieuw item van de lijst? Zet '- ' voor elk "
                        "item", f"{text.en}: does a new item of the list start here? Put '- ' "
                        "before each item")
        return _error(event, text.nl, text.en, _join(frame.path, key))

    def _child_path(self, event: yaml.Event) -> str:
        """The path of the value that starts with `event`, recording its position."""
        if not self._stack:
            return ""
        frame = self._stack[-1]
        if frame.is_map:
            if frame.key is None:
                raise _error(event, "een sleutel moet gewone tekst zijn",
                             "a key must be plain text", frame.path)
            path = _join(frame.path, frame.key)
            self.keys[path] = frame.key_at
        else:
            path = f"{frame.path}[{len(frame.container)}]"
        self.values[path] = _at(event)
        return path

    def _attach(self, value: Any, size: int, added: int | None = None) -> None:
        """Add `value` (`size` values when expanded) to the open container; `added` is how
        many values are new to the count (a scalar or alias: all of them)."""
        frame = self._stack[-1]
        frame.size += size
        self._nodes += size if added is None else added
        if self._nodes > self.max_nodes:
            raise self._too_many()
        if frame.is_map:
            frame.container[frame.key] = value
            frame.key = None
        else:
            frame.container.append(value)

    def _too_many(self) -> LoadFailed:
        return load_error(
            f"te veel waarden (meer dan {self.max_nodes:,}, aliassen meegeteld)",
            f"too many values (more than {self.max_nodes:,}, counting aliases)", self.here(),
            1, 1)


Builder._handlers = {  # type(event) -> method; a dict lookup beats a chain of isinstance
    yaml.ScalarEvent: Builder._scalar,
    yaml.MappingStartEvent: Builder._open, yaml.SequenceStartEvent: Builder._open,
    yaml.MappingEndEvent: Builder._close, yaml.SequenceEndEvent: Builder._close,
    yaml.AliasEvent: Builder._alias, yaml.DocumentStartEvent: Builder._document,
}


def _shown(event: yaml.ScalarEvent, value: str, is_key: bool, path: str) -> str:
    """A scalar as oncocheck keeps it: refused when it holds a control character or a
    text-direction override (only an escape like "\\e" can put one there), else with every
    other invisible character shown as an escape (`load.visible`); a key is one line."""
    hidden = _INVISIBLE.search(value)
    if hidden:
        code = f"U+{ord(hidden.group()):04X}"
        nl, en = "", ""
        if event.style == '"':  # "docs\visie.pdf": the backslash made `\v` a control character
            nl = ("; tussen dubbele aanhalingstekens maakt een backslash (\\) er een van: zet de "
                  "waarde tussen enkele aanhalingstekens of schrijf / in plaats van \\")
            en = ("; between double quotes a backslash (\\) makes one: put the value in single "
                  "quotes or write / instead of \\")
        raise _error(event, f"onzichtbaar stuurteken ({code}) in de tekst; haal het weg{nl}",
                     f"an invisible control character ({code}) in the text; remove it{en}", path)
    return visible(value, multiline=not is_key)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _at(event: yaml.Event) -> tuple[int, int]:
    """Where `event` starts: line and column, from 1."""
    mark = event.start_mark
    assert mark is not None  # the parser marks every event (the stubs allow None)
    return mark.line + 1, mark.column + 1


def _error(event: yaml.Event, nl: str, en: str, path: str = "") -> LoadFailed:
    return load_error(nl, en, path, *_at(event))
