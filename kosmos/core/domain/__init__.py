"""Pure building blocks shared by all modules (no Django import): German numbers, SVG charts.

Everything here is plain Python so that it can be tested and benchmarked without a database; words that
users read (titles, labels, units, "not shown") always come from the caller, already translated.
"""
