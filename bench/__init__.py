"""The benchmark harness: synthetic corpora, per-stage timings and memory, reference points."""
