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


class StageCacheError(NewsgateError):
    """What a stage kept between runs does not fit this run (a batch missing, a stale schema)."""

    code = "NG040"


class AnnotationSchemaError(NewsgateError):
    """An extractor returned a field the typed annotation tables have no column for."""

    code = "NG041"
