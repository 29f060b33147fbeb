"""The app: the Textual application, its start, its exits, its sync worker."""
