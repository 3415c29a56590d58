"""A hostile environment, through the real command line in child processes.

Devices, FIFOs and links as report targets; write errors (no space, a file size limit, a pipe
whose reader left, a closed stdout); signals in the middle of writing; too little memory, too
few file descriptors, too little CPU for a worker (the kernel then kills it, as the
out-of-memory killer does); stdout in ASCII. Each child runs `python -m oncocheck` with a
timeout, and resource limits are set in the child only (`resource.setrlimit`). Device nodes
and FIFOs are made in a temporary folder, never taken from /dev.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from one_command import CliRunner

from oncocheck.cli.app import app
from oncocheck.render import formats_of
from json_reports import validate_report
from paths import ROOT
from workbook import rows

resource = pytest.importorskip("resource", reason="resource limits are a Unix facility")

COMPLIANT = ROOT / "examples" / "compliant" / "voorbeeldstad.yaml"
AS_OF = ["--as-of", "2026-11-23"]
TIMEOUT = 120  # seconds; far below "hangs"
MIB = 1024 * 1024
AS_ROOT = os.geteuid() == 0
needs_root = pytest.mark.skipif(not AS_ROOT, reason="making a device node (os.mknod) needs root")
linux = pytest.mark.skipif(sys.platform != "linux", reason="the limits and /proc are Linux's")
sys.path.insert(0, str(ROOT / "tests" / "hostile"))
sys.path.insert(0, str(ROOT / "benchmarks"))
import make_corpus  # noqa: E402
from generate import generate  # noqa: E402

pytestmark = pytest.mark.slow  # `pytest -m "not slow"` is the quick loop


def child(*args: str | Path, limits: dict[int, int] | None = None,
          env: dict[str, str] | None = None, stdout: object = subprocess.PIPE,
          close_stdout: bool = False) -> subprocess.CompletedProcess[bytes]:
    """`python -m oncocheck ARGS` in a child process with `limits` (resource -> value)."""
    def prepare() -> None:
        for kind, value in (limits or {}).items():
            resource.setrlimit(kind, (value, value))
        if close_stdout:
            os.close(1)

    environ = {k: v for k, v in os.environ.items() if k != "CI"}
    environ.update({"PYTHONDONTWRITEBYTECODE": "1", **(env or {})})
    return subprocess.run([sys.executable, "-m", "oncocheck", *map(str, args)],
                          stdout=stdout, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                          env=environ, preexec_fn=prepare, timeout=TIMEOUT, check=False)


def _errors(done: subprocess.CompletedProcess[bytes]) -> str:
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return err


@pytest.fixture
def network(tmp_path: Path) -> Path:
    """The compliant example (with its documents) in a folder of its own."""
    folder = tmp_path / "in"
    shutil.copytree(COMPLIANT.parent, folder)
    return folder / COMPLIANT.name


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """More files than a batch checks in one process by default: a pool checks them."""
    folder = tmp_path_factory.mktemp("batch")
    generate(folder, 130)
    return folder


def _leftovers(folder: Path, name: str) -> list[str]:
    """Temporary files for `name` left in `folder` (`.name.XXXX`)."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(f".{name}."))


def _device(path: Path, minor: int) -> None:
    """A character device in the temporary folder: 1,3 is null, 1,7 is full."""
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))


WRITERS = {
    "check-json": ["check", "{net}", "-f", "json", "-o", "{target}", *AS_OF],
    "check-html": ["check", "{net}", "-f", "html", "-o", "{target}", *AS_OF],
    "check-report": ["check", "{net}", "-q", "--report", "sarif={target}", *AS_OF],
    "impact": ["impact", "{net}", "--from", "loppsoz@2021", "--to", "loppsoz@2024", "-f",
               "json", "-o", "{target}", *AS_OF],
    "init": ["init", "{target}", "--force"],
}


@needs_root
@pytest.mark.parametrize("command", WRITERS)
def test_a_character_device_is_written_into_not_replaced(tmp_path: Path, network: Path,
                                                         command: str) -> None:
    target = tmp_path / "null"
    _device(target, 3)
    done = child(*(a.format(net=network, target=target) for a in WRITERS[command]))
    _errors(done)
    assert done.returncode in (0, 1)  # written; the template checks as not compliant
    assert stat.S_ISCHR(target.lstat().st_mode) and target.lstat().st_rdev == os.makedev(1, 3)
    assert _leftovers(tmp_path, "null") == []


@needs_root
@pytest.mark.parametrize("command", WRITERS)
def test_a_full_device_is_a_message_and_exit_2(tmp_path: Path, network: Path,
                                               command: str) -> None:
    target = tmp_path / "full"
    _device(target, 7)
    done = child(*(a.format(net=network, target=target) for a in WRITERS[command]), "--lang",
                 "en")
    assert done.returncode == 2
    assert f"cannot write the report to {target} (No space left on device)" in _errors(done)
    assert stat.S_ISCHR(target.lstat().st_mode) and _leftovers(tmp_path, "full") == []


def _read_fifo(fifo: Path, received: dict[str, bytes], leave: bool = False) -> threading.Thread:
    """A reader for `fifo`: reads everything into received["data"], or (leave) opens it and
    goes away at once."""
    def read() -> None:
        with open(fifo, "rb") as stream:
            received["data"] = b"" if leave else stream.read()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader


def _release(fifo: Path, reader: threading.Thread) -> None:
    """Let a reader still waiting for a writer go (the child may have failed to open)."""
    reader.join(TIMEOUT)
    if reader.is_alive():
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(TIMEOUT)


def test_a_fifo_gets_the_report_and_stays_a_fifo(tmp_path: Path, network: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: dict[str, bytes] = {}
    reader = _read_fifo(fifo, received)
    done = child("check", network, "-f", "json", "-o", fifo, *AS_OF)
    _release(fifo, reader)
    _errors(done)
    assert done.returncode == 0
    assert json.loads(received["data"])["summary"]["compliant"] == 1
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_fifo_whose_reader_leaves_is_a_message(tmp_path: Path, batch: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: dict[str, bytes] = {}
    reader = _read_fifo(fifo, received, leave=True)
    done = child("check", batch, "-f", "json", "-o", fifo, "--lang", "en", *AS_OF)  # > 1 MB
    _release(fifo, reader)
    assert done.returncode == 2
    assert f"cannot write the report to {fifo} (Broken pipe)" in _errors(done)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@linux
def test_a_path_to_stdout_writes_after_what_stdout_holds(tmp_path: Path, network: Path) -> None:
    """`-o /dev/stdout` (here a link of our own to /proc/self/fd/1) appends to the file
    stdout is; it does not replace that file."""
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    captured = tmp_path / "captured.txt"
    captured.write_text("before\n", encoding="utf-8")
    inode = captured.stat().st_ino
    with open(captured, "ab") as stream:
        done = child("check", network, "-f", "json", "-o", link, *AS_OF, stdout=stream)
    _errors(done)
    assert done.returncode == 0 and link.is_symlink()
    text = captured.read_text(encoding="utf-8")
    assert captured.stat().st_ino == inode and text.startswith("before\n{")
    assert json.loads(text.removeprefix("before\n"))["summary"]["files"] == 1
    piped = child("check", network, "-f", "json", "-o", link, *AS_OF)  # stdout a pipe
    assert json.loads(piped.stdout)["summary"]["files"] == 1


@linux
def test_a_path_to_a_closed_stdout_is_a_message(tmp_path: Path, network: Path) -> None:
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    done = child("check", network, "-f", "json", "-o", link, "--lang", "en", *AS_OF,
                 close_stdout=True)
    assert done.returncode == 2
    assert _errors(done) == ("oncocheck: error: cannot write the report to standard output: "
                             "it is closed\n")


def test_a_link_to_a_file_stays_a_link_and_its_file_gets_the_report(tmp_path: Path,
                                                                     network: Path) -> None:
    real = tmp_path / "rapport.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real.name)
    result = CliRunner().invoke(app, ["check", str(network), "-f", "json", "-o", str(link),
                                      *AS_OF])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == real.name
    assert json.loads(real.read_text(encoding="utf-8"))["summary"]["compliant"] == 1
    assert _leftovers(tmp_path, "rapport.json") == []


@pytest.mark.parametrize("kind", ["disk", "socket"])
def test_a_disk_or_a_socket_is_refused(tmp_path: Path, network: Path, kind: str) -> None:
    target = tmp_path / kind
    if kind == "disk":
        if not AS_ROOT:
            pytest.skip("making a device node (os.mknod) needs root")
        os.mknod(target, stat.S_IFBLK | 0o600, os.makedev(7, 0))  # never opened
    else:
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(target))
        server.close()
    before = target.lstat()
    result = CliRunner().invoke(app, ["check", str(network), "--lang", "en", "-f", "json",
                                      "-o", str(target), *AS_OF])
    assert result.exit_code == 2 and "is a disk or a socket" in result.output
    assert target.lstat().st_mode == before.st_mode and target.lstat().st_ino == before.st_ino


@linux
def test_a_file_size_limit_is_a_message_and_leaves_nothing(tmp_path: Path,
                                                           network: Path) -> None:
    target = tmp_path / "out" / "report.json"
    done = child("check", network, "-f", "json", "-o", target, "--lang", "en", *AS_OF,
                 limits={resource.RLIMIT_FSIZE: 2000})
    assert done.returncode == 2
    assert f"cannot write the report to {target} (File too large)" in _errors(done)
    assert list(target.parent.iterdir()) == []


# A child that waits before it renames the temporary file over the report, so the signal
# surely comes while the report is in its temporary file.
SLOW_RENDERER = """
import os, sys, time
real = os.replace
def slow(*args, **kwargs):
    time.sleep(TIMEOUT)
    return real(*args, **kwargs)
os.replace = slow
from oncocheck.cli.app import main
sys.argv = ["oncocheck", *sys.argv[1:]]
main()
""".replace("TIMEOUT", str(TIMEOUT))


def _wait_for(found: object, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not found():  # type: ignore[operator]
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.01)


@linux
def _interruptible() -> None:
    """Ctrl-C as at a terminal, however pytest was started: a shell starts a background job
    (`&`) with SIGINT ignored, and a child process inherits that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 143), (signal.SIGHUP, 129),
                                          (signal.SIGINT, 130)])
def test_a_signal_while_writing_leaves_no_temporary_file(tmp_path: Path, network: Path,
                                                         signum: int, code: int) -> None:
    target = tmp_path / "out" / "report.json"
    proc = subprocess.Popen([sys.executable, "-c", SLOW_RENDERER, "check", str(network),
                             "-f", "json", "-o", str(target), "--lang", "en", *AS_OF],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=_interruptible)
    try:
        _wait_for(lambda: target.parent.is_dir() and _leftovers(target.parent, target.name),
                  proc)
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=TIMEOUT)
    finally:
        proc.kill()
    assert proc.returncode == code
    assert "Traceback" not in err.decode()
    assert list(target.parent.iterdir()) == []  # no report, no temporary file


def test_a_signal_while_waiting_for_a_fifo_reader_ends_the_run(tmp_path: Path,
                                                               network: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    proc = subprocess.Popen([sys.executable, "-m", "oncocheck", "check", str(network), "-f",
                             "json", "-o", str(fifo), "--lang", "en", *AS_OF],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        time.sleep(1.5)  # checked and waiting to open the FIFO (a signal earlier ends it too)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=TIMEOUT)
    finally:
        proc.kill()
    assert proc.returncode == 143 and "stopped by SIGTERM" in err.decode()
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@linux
@pytest.mark.parametrize("jobs, lang, line", [
    ("1", "en", "oncocheck: error: out of memory; check fewer or smaller files at a time, or "
                "use fewer --jobs"),
    ("2", "nl", "oncocheck: fout: te weinig geheugen; controleer minder of kleinere bestanden "
                "tegelijk, of gebruik minder --jobs")])
def test_out_of_memory_is_one_line_and_exit_3(tmp_path: Path, jobs: str, lang: str,
                                              line: str) -> None:
    big = make_corpus.build({"generate": "members-100k"}, tmp_path)  # about 310 MB to check
    shutil.copyfile(COMPLIANT, tmp_path / "small.yaml")
    done = child("check", big, tmp_path / "small.yaml", "-j", jobs, "--lang", lang, *AS_OF,
                 limits={resource.RLIMIT_AS: 200 * MIB})
    assert done.returncode == 3
    assert done.stderr.decode().splitlines() == [line]


def test_too_few_file_descriptors_is_a_message_never_a_hang(tmp_path: Path) -> None:
    for i in range(8):
        shutil.copyfile(COMPLIANT, tmp_path / f"n{i}.yaml")
    shutil.copytree(COMPLIANT.parent / "docs", tmp_path / "docs")
    for limit in (10, 14, 18, 24, 64):
        done = child("check", tmp_path, "-j", "4", "--lang", "en", *AS_OF,
                     limits={resource.RLIMIT_NOFILE: limit})
        out = done.stdout.decode() + _errors(done)
        assert done.returncode in (0, 2), (limit, out)
        if done.returncode == 2:
            assert "Too many open files" in out, (limit, out)
        if limit == 10:
            assert "cannot start a checking process (Too many open files)" in out
        if limit == 64:
            assert done.returncode == 0 and "8 files: 8 compliant" in out


@linux
def test_a_worker_killed_by_the_system_costs_only_its_file(tmp_path: Path) -> None:
    """The kernel kills a worker that used up its CPU limit with SIGKILL, as its
    out-of-memory killer does: the file it was on is reported as not checked, the rest of the
    batch is checked by a new worker, and the report is complete."""
    make_corpus.build({"generate": "members-100k"}, tmp_path)  # several seconds to check
    for name in ("a.yaml", "z.yaml"):
        shutil.copyfile(COMPLIANT, tmp_path / name)
    console = tmp_path / "console.txt"
    done = child("check", tmp_path, "-j", "2", "-f", "json", "--report", f"console={console}",
                 *AS_OF, limits={resource.RLIMIT_CPU: 2})
    _errors(done)
    assert done.returncode == 2
    validate_report(json.loads(done.stdout))  # a file not checked is an invalid result
    results = {Path(r["file"]).name: r for r in json.loads(done.stdout)["results"]}
    assert results["a.yaml"]["verdict"] == results["z.yaml"]["verdict"] == "compliant"
    assert results["members-100k.yaml"]["errors"][0]["message"] == (
        "the checking process was stopped by the system (signal 9; out of memory?); this "
        "file was not checked")
    assert ("het controleproces werd door het systeem gestopt (signaal 9; te weinig geheugen?)"
            in console.read_text(encoding="utf-8"))


# A child whose every check takes a while, so Ctrl-C surely comes while the pool is busy.
SLOW_CHECK = """
import sys, time
from oncocheck.run import file
real = file.check_one
def slow(*args):
    time.sleep(0.5)
    return real(*args)
file.check_one = slow
from oncocheck.cli.app import main
sys.argv = ["oncocheck", *sys.argv[1:]]
main()
"""


@linux
def test_ctrl_c_in_a_pooled_batch_leaves_no_process_and_no_file(tmp_path: Path,
                                                                  batch: Path) -> None:
    """Ctrl-C reaches the whole process group, the workers too: the run ends with 130 and
    no traceback, no worker lives on, and no report or temporary file is left."""
    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()
    proc = subprocess.Popen([sys.executable, "-c", SLOW_CHECK, "check", str(batch), "-j", "2",
                             "-f", "json", "-o", str(target), "--lang", "en", *AS_OF],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, preexec_fn=_interruptible)
    try:
        _wait_for(lambda: len(_children(proc.pid)) >= 2, proc)
        time.sleep(0.3)  # the workers are checking
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=TIMEOUT)
    finally:
        proc.kill()
    assert proc.returncode == 130 and "Traceback" not in err.decode(), err
    deadline = time.monotonic() + 10
    while _group_lives(proc.pid):  # what is left of the group ends soon, or never
        assert time.monotonic() < deadline, "a worker outlived the run"
        time.sleep(0.05)
    assert list(target.parent.iterdir()) == []


def _children(pid: int) -> list[str]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return path.read_text().split() if path.exists() else []


def _group_lives(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


NAME = "Netwerk Ëë \U0001f600 中文"


@pytest.mark.parametrize("fmt", sorted(formats_of("check")))
def test_stdout_in_ascii_escapes_what_it_cannot_encode(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "netwerk-\u00eb\U0001f600.yaml"
    path.write_text(f'format: 1\nnetwork:\n  name: "{NAME}"\n', encoding="utf-8")
    done = child("check", path, "-f", fmt, *AS_OF, env={"PYTHONIOENCODING": "ascii"})
    _errors(done)
    if fmt == "xlsx":  # bytes, not text: no encoding of stdout touches them
        assert done.returncode == 1 and rows(done.stdout)[1][1] == NAME
        return
    assert done.returncode == 1 and done.stdout.isascii()
    text = done.stdout.decode("ascii")
    if fmt in ("json", "sarif"):  # the escapes are JSON's own: the same data comes back
        expected = CliRunner().invoke(app, ["check", str(path), "-f", fmt, *AS_OF]).output
        assert json.loads(text) == json.loads(expected)
    if fmt == "sarif":  # names files by URI (percent-encoded) and not the network
        assert "netwerk-%C3%AB%F0%9F%98%80.yaml" in text and "di\\u00ebtist" in text
        return
    assert "netwerk-\\u00eb\\ud83d\\ude00.yaml" in text  # the file name
    if fmt not in ("github", "codequality"):  # annotations and issues do not name the network
        assert "\\u00cb\\u00eb \\ud83d\\ude00 \\u4e2d\\u6587" in text


@pytest.mark.parametrize("command", [["criteria", "show"], ["explain", "2a"], ["schema"],
                                     ["criteria", "list", "--lang", "en"]])
def test_other_commands_in_ascii(command: list[str]) -> None:
    done = child(*command, env={"PYTHONIOENCODING": "ascii"})
    _errors(done)
    assert done.returncode == 0 and done.stdout.isascii() and done.stdout


def test_a_c_locale_is_no_problem(network: Path) -> None:
    done = child("check", network, *AS_OF, env={"LANG": "C", "LC_ALL": "C"})
    _errors(done)
    assert done.returncode == 0


EN = ["--lang", "en"]
COMMANDS = {
    **{f"check-{fmt}": ["check", str(COMPLIANT), "-f", fmt, *EN, *AS_OF]
       for fmt in sorted(formats_of("check"))},
    "impact": ["impact", str(COMPLIANT), "--from", "loppsoz@2021", "--to", "loppsoz@2024", *EN],
    "criteria": ["criteria", "show", *EN],
    "explain": ["explain", "2a", *EN],
    "schema": ["schema"],  # no --lang: the message is Dutch
    "version": ["--version"],
}
CANNOT = {"en": "oncocheck: error: cannot write the report to standard output",
          "nl": "oncocheck: fout: kan het rapport niet naar de standaarduitvoer schrijven"}


def _lang(command: str) -> str:
    return "en" if "--lang" in COMMANDS[command] else "nl"


@pytest.mark.parametrize("command", COMMANDS)
def test_a_closed_stdout_is_a_message_and_exit_2(command: str) -> None:
    done = child(*COMMANDS[command], close_stdout=True)
    closed = {"en": ": it is closed\n", "nl": ": die is gesloten\n"}[_lang(command)]
    assert done.returncode == 2
    assert _errors(done) == CANNOT[_lang(command)] + closed


@pytest.mark.parametrize("command", COMMANDS)
def test_a_broken_pipe_ends_quietly_like_a_filter(command: str) -> None:
    """Exit 141 (128 + SIGPIPE) and nothing on stderr, as `yes | head` ends."""
    read, write = os.pipe()
    os.close(read)
    try:
        done = child(*COMMANDS[command], stdout=write)
    finally:
        os.close(write)
    assert done.returncode == 141 and done.stderr == b""


@needs_root
@pytest.mark.parametrize("command", ["check-console", "check-json", "criteria", "version"])
def test_a_full_stdout_is_a_message_and_exit_2(tmp_path: Path, command: str) -> None:
    full = tmp_path / "full"
    _device(full, 7)
    with open(full, "wb") as stream:
        done = child(*COMMANDS[command], stdout=stream)
    assert done.returncode == 2
    full_disk = {"en": " (No space left on device)\n", "nl": " (de schijf is vol)\n"}
    assert _errors(done) == CANNOT[_lang(command)] + full_disk[_lang(command)]


def test_an_unreadable_folder_in_a_walk_is_reported(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Its files cannot silently drop out of the batch (as root, permissions do not bite: the
    system's refusal is simulated)."""
    (tmp_path / "open").mkdir()
    (tmp_path / "closed").mkdir()
    shutil.copyfile(COMPLIANT, tmp_path / "open" / "ok.yaml")
    real = os.scandir

    def scandir(path: object = "."):  # noqa: ANN202 - as os.scandir
        if Path(str(path)).name == "closed":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = CliRunner().invoke(app, ["check", str(tmp_path), "--lang", "en", "-j", "1",
                                      *AS_OF])
    assert result.exit_code == 2
    assert "closed: cannot search this folder (Permission denied)" in result.output
    assert "2 files:" in result.output
