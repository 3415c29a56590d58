"""Checks every generated HTML page must pass: strict HTML5 and nothing loaded from outside."""

from __future__ import annotations

import re

import html5lib

# Anything that makes a browser fetch: <link>, src= on any element, CSS imports and url().
_FETCHES = re.compile(r"<link\b|\bsrc\s*=|@import|url\s*\(|<script\b[^>]*\bsrc", re.IGNORECASE)
_HREF = re.compile(r"<(\w+)\b[^>]*\bhref\s*=\s*\"([^\"]*)\"", re.IGNORECASE)


def strict_parse(page: str) -> None:
    """Raise html5lib's ParseError on the first HTML5 parse error (doctype included)."""
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)


def external_references(page: str) -> list[str]:
    """Every way `page` could load something: fetching constructs, and href= on anything but
    a plain <a> link (an <a href> to a criterion's source is a link people click, not a load)."""
    found = [m.group(0) for m in _FETCHES.finditer(page)]
    found += [f"<{tag} href={url}>" for tag, url in _HREF.findall(page) if tag.lower() != "a"]
    found += [url for tag, url in _HREF.findall(page)
              if tag.lower() == "a" and re.match(r"(?i)\s*(javascript|data):", url)]
    return found
