"""The live session: its open context, the quick line and the agenda clock."""
