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


class FolderOverlapError(NewsgateError):
    """The input folder and the warehouse are the same folder or one holds the other."""

    code = "NG004"


class WarehouseCorruptError(NewsgateError):
    """The pipeline's working database cannot be opened; `newsgate repair` is the way out."""

    code = "NG005"


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


class PublicationCorruptError(NewsgateError):
    """A kept publication does not match its manifest (row counts, Parquet footers, sha256)."""

    code = "NG022"


class RetractError(NewsgateError):
    """A retraction names no published article or input path."""

    code = "NG023"


class SqlRefusedError(NewsgateError):
    """A statement other than a plain SELECT, or an access the engine refused."""

    code = "NG030"


class SqlError(NewsgateError):
    code = "NG031"


class SqlTimeoutError(NewsgateError):
    code = "NG032"


class SqlMemoryError(NewsgateError):
    code = "NG033"


class UnknownAnalysisError(NewsgateError):
    """An analysis name that is not a file in sql/analyses/ (paths are never accepted)."""

    code = "NG034"


class SqlOutputError(NewsgateError):
    code = "NG035"


class ReportError(NewsgateError):
    """The run's HTML report could not be written (the run itself is not affected)."""

    code = "NG040"


class StageCacheError(NewsgateError):
    """What a stage kept between runs does not fit this run (a batch missing, a stale schema)."""

    code = "NG050"


class AnnotationSchemaError(NewsgateError):
    """An extractor returned a field the typed annotation tables have no column for."""

    code = "NG051"


class SpanModelError(NewsgateError):
    """The span model's data file (nlp/data/span_model.json) is missing or malformed."""

    code = "NG052"


class EventModelError(NewsgateError):
    """The event selection model's data file is missing or malformed."""

    code = "NG058"


class LineModelError(NewsgateError):
    """The line-shape model's data file is missing, unreadable or names other features."""

    code = "NG061"
