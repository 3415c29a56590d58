"""A small Language Server Protocol client over pipes, to drive a real language server
(yaml-language-server) the way an editor does: initialize, open a document, collect the
diagnostics it publishes, ask for completions and hovers.

Every wait is bounded: a server that stops answering fails the test instead of hanging it.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

TIMEOUT = 30.0  # seconds for one answer; the server answers in well under one


class ServerGone(AssertionError):
    """The server ended, or did not answer in time."""


class Client:
    """One language server as a child process, spoken to over its stdin and stdout.

    Requests the server sends (`workspace/configuration`, `client/registerCapability`) are
    answered in the reading thread: with `settings` for a configuration, null otherwise."""

    def __init__(self, command: Sequence[str], settings: dict[str, Any], cwd: Path) -> None:
        self.settings = settings
        self.process = subprocess.Popen(list(command), cwd=cwd, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self._lock = threading.Lock()
        self._next_id = 0
        self._answers: dict[int, queue.Queue] = {}
        self.notifications: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Shut the server down politely, then for good."""
        if self.process.poll() is None:
            try:
                self.request("shutdown", None, timeout=5)
                self.notify("exit", None)
                self.process.wait(timeout=5)
            except (ServerGone, OSError, subprocess.TimeoutExpired):
                pass
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=5)

    # --- the wire -------------------------------------------------------------------------

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        with self._lock:
            self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.process.stdin.flush()

    def _read(self, stream: BinaryIO) -> None:
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.notifications.put(None)  # the server ended
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            self._dispatch(json.loads(stream.read(length or 0)))

    def _dispatch(self, message: dict[str, Any]) -> None:
        if "id" in message and "method" in message:  # a request from the server
            result = ([self.settings.get(item.get("section", ""), self.settings)
                       for item in message["params"]["items"]]
                      if message["method"] == "workspace/configuration" else None)
            self._send({"id": message["id"], "result": result})
        elif "id" in message:
            self._answers.setdefault(message["id"], queue.Queue()).put(message)
        else:
            self.notifications.put(message)

    # --- what a test calls ----------------------------------------------------------------

    def request(self, method: str, params: Any, timeout: float = TIMEOUT) -> Any:
        """Send a request and wait for its result (ServerGone on an error or no answer)."""
        with self._lock:
            self._next_id += 1
            ident = self._next_id
            self._answers.setdefault(ident, queue.Queue())
        self._send({"id": ident, "method": method, "params": params})
        try:
            answer = self._answers[ident].get(timeout=timeout)
        except queue.Empty:
            raise ServerGone(f"no answer to {method} within {timeout} s") from None
        if "error" in answer:
            raise ServerGone(f"{method} failed: {answer['error']}")
        return answer.get("result")

    def notify(self, method: str, params: Any) -> None:
        """Send a notification (no answer expected)."""
        self._send({"method": method, "params": params})

    def initialize(self, root: Path) -> dict[str, Any]:
        """The handshake of an editor that shows Markdown documentation and snippets."""
        markup = {"documentationFormat": ["markdown", "plaintext"], "snippetSupport": True}
        capabilities = {
            "textDocument": {"completion": {"completionItem": markup},
                             "hover": {"contentFormat": ["markdown", "plaintext"]},
                             "publishDiagnostics": {}},
            "workspace": {"configuration": True, "didChangeConfiguration": {}}}
        result = self.request("initialize", {"processId": None, "rootUri": root.as_uri(),
                                             "capabilities": capabilities,
                                             "workspaceFolders": [{"uri": root.as_uri(),
                                                                   "name": root.name}]})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": self.settings})
        return result

    def open(self, path: Path, text: str) -> str:
        """Open `text` as the document `path`; its URI."""
        uri = path.as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": text}})
        return uri

    def diagnostics(self, uri: str, timeout: float = TIMEOUT,
                    wanted: int = 1) -> list[dict[str, Any]]:
        """The diagnostics published for `uri`: the first list with at least `wanted` entries
        (servers may publish an empty list first, before the schema is loaded)."""
        end = time.monotonic() + timeout
        while (left := end - time.monotonic()) > 0:
            try:
                message = self.notifications.get(timeout=left)
            except queue.Empty:
                break
            if message is None:
                raise ServerGone("the language server ended")
            if (message.get("method") == "textDocument/publishDiagnostics"
                    and message["params"]["uri"] == uri
                    and len(message["params"]["diagnostics"]) >= wanted):
                return message["params"]["diagnostics"]
        raise ServerGone(f"no diagnostics for {uri} within {timeout} s")

    def completion(self, uri: str, line: int, character: int) -> list[dict[str, Any]]:
        """The completion items at a position (0-based line and character, as in LSP)."""
        result = self.request("textDocument/completion", {
            "textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
        return result.get("items", []) if isinstance(result, dict) else (result or [])

    def hover(self, uri: str, line: int, character: int) -> str:
        """The hover text at a position ("" when there is none)."""
        result = self.request("textDocument/hover", {
            "textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
        contents = (result or {}).get("contents", "")
        return contents.get("value", "") if isinstance(contents, dict) else str(contents)
