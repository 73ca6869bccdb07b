"""Errors the user can act on: the CLI prints them as one line and exits 2."""


class InputError(Exception):
    """Bad input (a document, a rule file, an option): the message names the file and line."""


def decode(raw: bytes, name: str) -> str:
    """Decode UTF-8 (BOM optional) or fail with the file's name: documents and rule files alike."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte {exc.start}: {exc.reason})") from exc
