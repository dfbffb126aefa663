"""Prefect's log lines for newsgate: a task's "Finished in state Completed()" is DEBUG, not INFO,
so consoles stay readable while the Prefect UI still receives every line."""

from __future__ import annotations

import logging

_TASK_LOGGER = "prefect.task_runs"
_COMPLETED = "Finished in state Completed("


class DemoteCompletedTasks(logging.Filter):
    """Lower a task's routine completion line to DEBUG; failures and everything else keep theirs."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.INFO and str(record.msg).startswith(_COMPLETED):
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return True


def _console_handlers() -> list[logging.Handler]:
    from prefect.logging.handlers import PrefectConsoleHandler

    return [h for h in logging.getLogger().handlers if isinstance(h, PrefectConsoleHandler)]


def install() -> None:
    """Demote routine task lines and keep the console at Prefect's log level (default INFO)."""
    logger = logging.getLogger(_TASK_LOGGER)
    if not any(isinstance(f, DemoteCompletedTasks) for f in logger.filters):
        logger.addFilter(DemoteCompletedTasks())
    # Prefect's console handler accepts every level (0); the records it gets have already passed
    # the logger's level, so a demoted line would still print unless the handler has a level too
    level = logging.getLogger("prefect").getEffectiveLevel()
    for handler in _console_handlers():
        if handler.level == logging.NOTSET:
            handler.setLevel(level)
