"""The ``concerto`` command line: the parser, the commands, their output."""
