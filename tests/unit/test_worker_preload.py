"""Workers fork from a server that already loaded the NLP pipeline (newsgate.nlp.warm): they
start with it loaded and its objects frozen out of the collector, so its pages stay shared."""

import gc

from newsgate.workers import ProcessPool


def _worker_state() -> tuple[int, int]:
    from newsgate.nlp.annotate import pipeline

    return gc.get_freeze_count(), pipeline.cache_info().currsize


def test_workers_fork_from_a_server_that_loaded_the_pipeline():
    pool = ProcessPool(1)
    try:
        frozen, loaded = pool.submit(_worker_state).result(timeout=600)
    finally:
        pool.close()
    # frozen objects exist only where newsgate.nlp.warm ran: the fork server, before the fork
    assert frozen > 100_000
    assert loaded == 1
