"""The memo of a cached check: anchors and readings of the previous run, reused on a miss.

A changed input misses the cache of finished checks (`cache.py`), yet most of what a check
computes is unchanged: a desk edits one claim file at a time. The memo keeps, in `memo.pickle`
in the cache folder, the anchor of every quote and the readings of every claim of the last run.
It is a cache entry like the others (sealed, records only: see `cache.py`), and its file names
are the cache's constants: nothing read from it decides where anything is written.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from cca_claims.speed import cache


class Memo:
    """Finer-grained reuse for a desk that edits one claim at a time: per-quote anchors and
    per-claim readings from the previous run, kept in `memo.pickle` in the cache folder.

    An anchor is keyed by the source id and text hash, the quote and the fuzzy threshold; a
    claim's readings by its file's digest with its id and position (so by everything written
    about it, quotes included), the text digest and metadata of the sources it cites and the
    configuration. The whole memo is
    dropped when the tool's code changes. Each run keeps only the entries it used, so the file
    follows the inputs instead of growing.
    """

    def __init__(self, folder: Path | None, config: Any) -> None:
        self.folder = folder
        self.config_key = cache.config_repr(config)
        self.anchors_old: dict[str, Any] = {}
        self.reads_old: dict[str, Any] = {}
        self.anchors: dict[str, Any] = {}
        self.reads: dict[str, Any] = {}
        self.read_stage_ran = False
        self.misses = 0
        self._sources: dict[str, str] = {}
        loaded = cache.load(folder, self._key(), cache.MEMO_NAME, purpose="memo")
        if isinstance(loaded, tuple) and len(loaded) == 2:
            anchors, reads = loaded
            if isinstance(anchors, dict) and isinstance(reads, dict):
                self.anchors_old, self.reads_old = anchors, reads

    def _key(self) -> str:
        return hashlib.sha256(f"memo|{cache.code_hash()}".encode()).hexdigest()

    def anchor(self, source: Any, quote: str, threshold: float, compute: Any) -> Any:
        """The anchor of `quote` in `source`, from the memo or `compute()`."""
        key = f"{source.id}\0{source.sha256}\0{threshold!r}\0{quote}"
        found = self.anchors_old.get(key)
        if found is None:
            found = compute()
            self.misses += 1
        self.anchors[key] = found
        return found

    def reading_key(
        self, cc: Any, sources: dict[str, Any], digests: dict[str, str] | None = None
    ) -> str:
        """The key of one claim's readings: everything `read_claim` looks at.

        A claim is what its file says at its place in the file, so the digest of the bytes its
        file was read from (`digests`, from the claim loader), the claim's id and position
        stand for it and its quotes; each cited source counts by its id, text digest and
        metadata (its anchors follow from those, the quotes and the configured threshold).
        Hashing the records themselves costs ~60 us a claim; this, a few.
        """
        claim = cc.claim
        digest = (digests or {}).get(claim.file)
        if digest is None:  # no digest of the file: key the records themselves
            parts = [self.config_key, repr(claim), repr(cc.kind)]
            parts += [repr(result.anchor) for result in cc.evidence]
        else:
            pos = claim.position
            where = f"{pos.line}:{pos.col}" if pos is not None else "-"
            parts = [self.config_key, digest, claim.id, where]
        for result in cc.evidence:
            parts.append(self._source_part(sources.get(result.evidence.source)))
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()

    def _source_part(self, source: Any) -> str:
        if source is None:
            return "-"
        part = self._sources.get(source.id)
        if part is None:
            part = self._sources[source.id] = f"{source.id}\0{source.sha256}\0{source.meta!r}"
        return part

    def reading(self, key: str) -> Any | None:
        self.read_stage_ran = True
        return self.reads_old.get(key)

    def remember_reading(self, key: str, value: Any, computed: bool) -> None:
        if computed:
            self.misses += 1
        self.reads[key] = value

    def start_save(self, records: int = 0) -> None:
        """Begin storing the entries this run used (when anything was computed or dropped), as
        soon as the last stage that adds to them is done: a large memo is written by a forked
        child while the check goes on. It goes to a file kept aside until `finish_save`."""
        self._pending = None
        reads = self.reads if self.read_stage_ran else self.reads_old
        unchanged = not self.misses and len(self.anchors) == len(self.anchors_old)
        if self.folder is None or (unchanged and len(reads) == len(self.reads_old)):
            return
        pending = self._pending = f".{cache.MEMO_NAME}.{os.getpid()}.pending"
        value = (self.anchors, reads)
        cache.write_later(
            lambda: cache.store(self.folder, self._key(), value, name=pending, purpose="memo"),
            records,
        )

    def finish_save(self, keep: bool) -> None:
        """Put the memo in place when `keep` (the inputs did not change during the run), else
        drop it."""
        pending, self._pending = getattr(self, "_pending", None), None
        if pending is None or self.folder is None:
            return
        cache.wait_for_writes()
        path = self.folder / pending
        try:
            if keep:
                os.replace(path, self.folder / cache.MEMO_NAME)
            else:
                path.unlink()
        except OSError:  # nothing was written (the write failed): nothing to keep
            pass
