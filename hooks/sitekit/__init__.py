"""Site-building helpers that are not about legal citation (that is ``peraturan``).

Plain Python: nothing here imports mkdocs, so every helper can be unit-tested
on its own and reused if the site moves to another generator.
"""
