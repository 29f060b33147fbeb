"""Sessions shared between computers through git: the sync, the merge driver, the history."""
