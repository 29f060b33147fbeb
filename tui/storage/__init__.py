"""Session files on disk: the only code that touches TinyDB or the data folder."""
