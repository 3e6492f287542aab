"""o365shell."""
