"""Pure survey logic: anonymity, statistics, charts, templates and conditions.

Nothing in this package imports Django, so it can be tested and benchmarked
alone. The Django side aggregates responses in SQL and hands plain counts in.
"""
