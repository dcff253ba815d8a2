"""Curation: from sources to claims. `scan` lists every value the sources state and which ones
claims cover; `suggest` finds the passages that speak to one claim; `discover` finds candidate
contradictions no claim covers yet. Shared reading of every sentence: `passages.py`.
"""
