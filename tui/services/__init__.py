"""What the app and the command line both do with a session: export it to a file."""
