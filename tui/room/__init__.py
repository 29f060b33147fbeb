"""The room view: a live, read-only web page of a session, served to the people in the room."""
