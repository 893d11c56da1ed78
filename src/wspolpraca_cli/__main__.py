"""Allow ``python -m wspolpraca_cli``."""

from wspolpraca_cli.cli.app import main

if __name__ == "__main__":
    main()
