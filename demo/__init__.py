"""Demo content of the whole portal, in Italian, French and English (``load_demo``).

The top floor: it builds pages and records of every app, and nothing imports it.
"""
