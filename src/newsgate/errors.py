"""Errors with stable codes, so scripts and users can match on them."""


class NewsgateError(Exception):
    """Base error; `code` is stable across releases and printed by the CLI."""

    code = "NG000"

    def __str__(self) -> str:
        return f"{self.code} {super().__str__()}"


class ConfigError(NewsgateError):
    code = "NG001"


class InputDirError(NewsgateError):
    code = "NG002"


class WarehouseBusyError(NewsgateError):
    code = "NG003"


class RunnerStartError(NewsgateError):
    """The orchestrator a run needs (its temporary API server) did not start in time."""

    code = "NG006"


class GateFailedError(NewsgateError):
    code = "NG010"

    def __init__(self, failures: list[str]):
        self.failures = failures
        super().__init__("critical expectation(s) failed: " + ", ".join(failures))


class PublishError(NewsgateError):
    code = "NG020"


class NothingPublishedError(NewsgateError):
    code = "NG021"


class SqlRefusedError(NewsgateError):
    code = "NG030"


class SqlError(NewsgateError):
    code = "NG031"


class ReportError(NewsgateError):
    """The run's HTML report could not be written (the run itself is not affected)."""

    code = "NG040"
