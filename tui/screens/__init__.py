"""The screens of Concerto, one per module, each with its stylesheet beside it."""
