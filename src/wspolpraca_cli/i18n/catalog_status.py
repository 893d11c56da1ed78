"""Messages for the status commands: key -> (Polish, English)."""

MESSAGES: dict[str, tuple[str, str]] = {}
