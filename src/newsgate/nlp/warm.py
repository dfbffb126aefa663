"""Imported by the worker pool's fork server (`newsgate.workers.ProcessPool.PRELOAD`), never by
a run: it loads the NLP pipeline there once, so every worker forked from the server starts with
the pipeline already loaded and shares its pages instead of building a private copy.

Importing it returns nothing; its effect is the loaded pipeline and the frozen heap.
"""

from __future__ import annotations

import gc

from newsgate.config import spacy_model_from_env
from newsgate.workers import warm_worker

# the workers of a run load the model of its settings, which come from the same variable; a
# run with another model loads that one in each worker, as it did before this preload
warm_worker(spacy_model_from_env())
# objects loaded here are never collected: moving them out of the collector's generations keeps
# every worker's collections from writing to (and so un-sharing) the pages that hold them
gc.freeze()
