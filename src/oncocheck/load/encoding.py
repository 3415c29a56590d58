"""What to tell a coordinator whose file is not UTF-8: which character is wrong, what it
probably is, and the steps to save the file as UTF-8 in the programs they use.

Windows programs (Kladblok/Notepad before Windows 10, Excel's plain "CSV") save text in
Windows-1252, where `ë` is the one byte 0xEB; UTF-8 writes it as two. So the byte that is not
UTF-8 is, read as Windows-1252, nearly always the letter the coordinator typed.
"""

from __future__ import annotations

from oncocheck.load.visible import quoted
from oncocheck.report import Text

def save_text(suffix: str = ".yaml") -> Text:
    """How to save a text file (the network file; a JSON report read back) as UTF-8 in
    Kladblok/Notepad and in Word, keeping the name's `suffix`."""
    return Text(
        "sla het bestand op als UTF-8: in Kladblok via Bestand → Opslaan als → Codering: UTF-8; "
        "in Word via Bestand → Opslaan als → Platte tekst (*.txt) → Andere codering: Unicode "
        f"(UTF-8), en houd de naam op {suffix}",
        "save the file as UTF-8: in Notepad with File → Save As → Encoding: UTF-8; in Word with "
        "File → Save As → Plain Text (*.txt) → Other encoding: Unicode (UTF-8), and keep the "
        f"name ending in {suffix}")

#: How to save a members list as UTF-8 in Excel (or Kladblok/Notepad).
SAVE_SHEET = Text(
    "sla de ledenlijst in Excel op via Bestand → Opslaan als → Opslaan als type: CSV UTF-8 "
    "(door komma's gescheiden) (*.csv), of als Excel-werkmap (*.xlsx); in Kladblok via Bestand "
    "→ Opslaan als → Codering: UTF-8",
    "in Excel, save the members list with File → Save As → Save as type: CSV UTF-8 (Comma "
    "delimited) (*.csv), or as Excel Workbook (*.xlsx); in Notepad with File → Save As → "
    "Encoding: UTF-8")


def as_windows_1252(byte: int) -> str | None:
    """The character `byte` stands for in Windows-1252, or None where it stands for none."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90 and 0x9D
        return None


def bad_byte(byte: int, line_text: bytes) -> Text:
    """`de byte 0xeb (in Windows-1252 'ë'; de regel: '  summary: diëtist')`: the byte that
    is not UTF-8, what it probably is, and its line as Windows-1252 would show it."""
    char = as_windows_1252(byte)
    shown = quoted(_as_typed(line_text).strip())
    if char is None:
        return Text(f"de byte 0x{byte:02x} (de regel: {shown})",
                    f"the byte 0x{byte:02x} (the line: {shown})")
    return Text(f"de byte 0x{byte:02x}, in Windows-1252 {quoted(char)} (de regel: {shown})",
                f"the byte 0x{byte:02x}, in Windows-1252 {quoted(char)} (the line: {shown})")


def _as_typed(data: bytes) -> str:
    """`data` as the coordinator typed it: UTF-8 where it is, Windows-1252 where it is not."""
    parts, start = [], 0
    while True:
        try:
            parts.append(data[start:].decode("utf-8"))
            return "".join(parts)
        except UnicodeDecodeError as exc:
            parts.append(data[start:start + exc.start].decode("utf-8"))
            parts.append(data[start + exc.start:start + exc.end].decode("cp1252", "replace"))
            start += exc.end


def unicode_name(form: str) -> Text:
    """How Kladblok/Notepad calls a Unicode form, for the message about it."""
    if form == "UTF-16":
        return Text("UTF-16 (in Kladblok: 'UTF-16 LE', 'UTF-16 BE' of 'Unicode')",
                    "UTF-16 (in Notepad: 'UTF-16 LE', 'UTF-16 BE' or 'Unicode')")
    return Text(form, form)
