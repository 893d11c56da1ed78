"""Renderers: turn computed results into terminal tables, plain text, csv, Markdown and JSON.

Each renderer imports Rich or tabulate only inside the function that needs it, so that a
command pays only for the output format it prints. Numbers are formatted by
:mod:`wspolpraca_cli.numfmt`.
"""
