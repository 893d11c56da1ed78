"""Allow ``python -m wspolpraca_cli`` (the same entry point as the ``wsp`` script)."""

from wspolpraca_cli.cli.entry import main

if __name__ == "__main__":
    main()
