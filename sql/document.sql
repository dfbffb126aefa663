-- document: one row per distinct input file content (sha256 of the bytes).
-- The warehouse accumulates documents across runs; a newer version of the same
-- source_path supersedes the older one, and a byte-identical copy under another
-- name is kept once, under the first name it was seen with.
with sightings as (
    select
        f.source_path,
        f.doc_id,
        f.run_id
    from work.raw_file as f
    where f.outcome in ('ingested', 'already_ingested')
),

latest_per_path as (
    select
        s.source_path,
        arg_max(s.doc_id, s.run_id) as doc_id
    from sightings as s
    group by s.source_path
),

current_docs as (
    select
        l.doc_id,
        min(l.source_path) as source_path
    from latest_per_path as l
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
