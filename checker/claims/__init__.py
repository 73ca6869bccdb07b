"""The claim kinds, one module each; ``checker.claims.registry`` lists them.

This package file stays empty so that importing one piece (``checker.claims.base``) does not
compile every grammar.
"""
