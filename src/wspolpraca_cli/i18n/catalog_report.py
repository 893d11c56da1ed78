"""Messages for the report commands: key -> (Polish, English)."""

MESSAGES: dict[str, tuple[str, str]] = {}
