-- document: one row per distinct input file content that is current (sha256 of the bytes).
-- Which files count depends on the run's input mode (work.ingest_run):
--   mirror (default): the files in the input folder in this run, nothing else;
--   accumulate: every file ever picked up; a newer sighting of the same path (new bytes, or
--   bytes that could not be read) supersedes the older one.
-- In both, retracted contents (work.retraction) are left out, and a content seen under several
-- names keeps the name of its latest sighting (so a renamed file moves), then the first name.
with run as (
    select any_value(r.input_mode) as input_mode
    from work.ingest_run as r
),

sightings as (
    select
        f.source_path,
        f.doc_id,
        f.run_id,
        f.outcome
    from work.raw_file as f
    where
        f.run_id = getvariable('run_id')
        or (select run.input_mode from run) = 'accumulate'
),

latest_per_path as (
    select
        s.source_path,
        s.doc_id,
        s.run_id,
        s.outcome
    from sightings as s
    qualify row_number() over (partition by s.source_path order by s.run_id desc) = 1
),

current_docs as (
    select
        l.doc_id,
        first(l.source_path order by l.run_id desc, l.source_path) as source_path
    from latest_per_path as l
    where
        l.outcome in ('ingested', 'already_ingested')
        and l.doc_id not in (select r.doc_id from work.retraction as r)
    group by l.doc_id
)

select
    d.doc_id,
    c.source_path,
    d.size_bytes,
    d.encoding,
    d.text,
    d.ingested_at,
    d.run_id as ingest_run_id,
    getvariable('run_id') as run_id
from work.raw_document as d
inner join current_docs as c on c.doc_id = d.doc_id
order by c.source_path
