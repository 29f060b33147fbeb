"""Widgets the screens share: header, step bar, footer, forms, record editor, matrix."""
