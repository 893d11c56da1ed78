"""The command-line interface: the only package that uses Typer.

Module-level imports here are limited to Typer and wsp's light modules (ruff TID253):
every command imports what it needs inside its body, so ``wsp --help`` stays fast.
"""
