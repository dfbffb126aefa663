-- validation_result: one row per expectation per validated table in this run.
select
    substr(sha256(v.run_id || ':' || v.suite || ':' || v.expectation_index::varchar), 1, 16)
        as result_id,
    v.run_id,
    v.suite,
    v.expectation,
    v.expectation_type,
    v.column_name,
    v.severity,
    v.success,
    v.unexpected_count,
    v.action,
    v.description,
    v.validated_at
from work.raw_validation_result as v
where v.run_id = getvariable('run_id')
order by v.suite, v.expectation_index
