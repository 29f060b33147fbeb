"""The terminal: keys (the one keymap, in typed order, paste guard) and colours."""
