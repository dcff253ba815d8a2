"""The size limits of the input loaders, in one module that imports nothing.

The claim loader (`yamlload.py`) and the source loader (`sources.py`) refuse files above these
sizes; the cache (`speed/cache.py`) keys its entries by the same bytes, within the same limits, without
importing the loaders (and YAML) on a run the cache answers.
"""

CLAIM_FILE_BYTES = 8 * 1024 * 1024  # a YAML file: claim files and the sources' registry
SOURCE_FILE_BYTES = 16 * 1024 * 1024  # a source document
