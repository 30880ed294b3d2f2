"""双公示: public disclosure of administrative licensing and penalty decisions.

A built-in plugin written only against the public plugin API (``plugin.py``).
"""
