"""The speed machinery, behind one seam: nothing else in the package forks or keeps a store.

- `parallel.py`: `Runner`, the one parallel runner (`--jobs N`, `--jobs auto`): a list of
  independent items mapped in contiguous chunks, the first here and the others in forked workers
  (`fork.py`), the results joined in order: byte-identical to a sequential run.
- `fork.py`: one call in a forked worker that inherits this process's records (Linux).

The engine runs sequentially and imports this package only when `--jobs` asks for more than one
process; the result store (the report cache `cache.py`, the anchor/reading memo `memo.py` and the
modules they use) is opened only by `engine.check(use_cache=True)`.
"""
