"""The network file's JSON Schema in an editor: yaml-language-server (the engine of VS Code's
YAML extension, from npm), driven over the Language Server Protocol as an editor drives it.

The file names the schema the way the template and the examples do, with a
`# yaml-language-server: $schema=` comment; the server must put each problem on its line, accept
every spelling oncocheck accepts, and offer the disciplines with their labels.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lsp import Client
from node_tools import node_tool

from paths import ROOT

pytestmark = pytest.mark.slow  # a Node.js child process

SCHEMA = ROOT / "schema" / "network.schema.json"  # the repository copy (kept current by a test)
SETTINGS = {"yaml": {"validate": True, "completion": True, "hover": True,
                     "schemaStore": {"enable": False}}}  # no catalogue from the network
NETWORK = """\
# yaml-language-server: $schema={schema}
format: 1
network:
  name: Netwerk Voorbeeldstad
  websit: https://www.voorbeeldstad.nl
members:
  - name: A
    discipline: dietis
  - name: B
    discipline: Diëtist
  - name: C
    discipline: POH-GGZ
  - name: D
    discipline: Anders
    discipline_other: oncologisch masseur
  - name: E
    discipline:\x20
"""
TYPO_KEY, BAD_DISCIPLINE, EMPTY = 4, 7, 16  # 0-based lines, as LSP counts


@pytest.fixture
def server(tmp_path: Path):  # noqa: ANN201 - the client
    """yaml-language-server over stdio, with the file open; ended after the test."""
    command = node_tool("yaml-language-server")
    with Client([str(command), "--stdio"], SETTINGS, tmp_path) as client:
        client.initialize(tmp_path)
        yield client


def _opened(client: Client, folder: Path, text: str) -> str:
    return client.open(folder / "netwerk.yaml", text.format(schema=SCHEMA.as_uri()))


def test_problems_on_their_lines_and_accepted_spellings_unflagged(server: Client,
                                                                  tmp_path: Path) -> None:
    uri = _opened(server, tmp_path, NETWORK)
    found = {(d["range"]["start"]["line"], d["message"]) for d in server.diagnostics(uri, wanted=3)}
    assert found == {
        (TYPO_KEY, "Property websit is not allowed."),
        (BAD_DISCIPLINE, "onbekende discipline: kies er een uit de lijst (of 'anders' met "
                         "discipline_other) / unknown discipline: choose one from the list (or "
                         "'anders' with discipline_other)"),
        (EMPTY, 'Incorrect type. Expected "string".'),  # and no missing discipline_other
    }


def test_disciplines_offered_with_their_labels(server: Client, tmp_path: Path) -> None:
    uri = _opened(server, tmp_path, NETWORK)
    server.diagnostics(uri, wanted=3)  # the schema is loaded
    items = {i["label"]: i for i in server.completion(uri, EMPTY, len("    discipline: "))}
    assert len(items) == 22 and "anders" in items and "poh_ggz" in items
    documentation = items["dietist"]["documentation"]
    assert documentation == {"kind": "markdown", "value": "diëtist (en: dietitian)"}
    assert items["dietist"]["insertText"] == "dietist"


def test_hover_shows_both_languages_and_one_example(server: Client, tmp_path: Path) -> None:
    uri = _opened(server, tmp_path, NETWORK)
    server.diagnostics(uri, wanted=3)
    shown = server.hover(uri, BAD_DISCIPLINE + 2, len("    disc"))
    assert "Beroep, bijvoorbeeld" in shown and "(en) Profession" in shown, shown
    assert shown.count("Example:") == 1 and "dietist" in shown, shown
