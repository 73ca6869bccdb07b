"""Errors the user can act on: the CLI prints them as one line and exits 2."""


class InputError(Exception):
    """Bad input (a document, a rule file, an option): the message names the file and line."""
