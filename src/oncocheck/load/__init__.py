"""Loading: bytes to plain data with the position of every value, then to a pydantic model or
load errors people can act on (the YAML source and builder, validation messages, field types,
spelling and "did you mean", the one display filter, the members spreadsheet)."""
