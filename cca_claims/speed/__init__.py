"""The speed machinery, behind one seam: nothing else in the package forks or keeps a store.

- `parallel.py`: `Runner`, the one parallel runner (`--jobs N`, `--jobs auto`): a list of
  independent items mapped in contiguous chunks, the first here and the others in forked workers
  (`fork.py`), the results joined in order: byte-identical to a sequential run.
- `fork.py`: one call in a forked worker that inherits this process's records (Linux).

The result store, opened only by `engine.check(use_cache=True)`:

- `cache.py`: finished checks kept by the key of their inputs (a re-check of unchanged files
  is answered from it); `cachekey.py` makes the key, `cachefolder.py` guards the folder,
  `recordpickle.py` pickles records only, `sealed.py` signs entries.
- `memo.py`: per-quote anchors and per-claim readings of the previous run, reused on a miss.

The engine runs sequentially and imports this package only when `--jobs` asks for more than one
process or the cache is on; the stages it runs call plain functions.
"""
