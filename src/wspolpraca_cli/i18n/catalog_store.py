"""Messages for the store commands: key -> (Polish, English)."""

MESSAGES: dict[str, tuple[str, str]] = {}
