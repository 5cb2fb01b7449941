"""qa: offline, multilingual quality-assurance scoring for recorded complaint calls."""

__version__ = "0.1.0"
