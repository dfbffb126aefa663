-- quote: one row per quotation, with the speaker linked to entity when named.
-- quote_group is shared by the same words quoted in several articles.
with quotes as (
    select
        q.*,
        regexp_replace(lower(q.text), '[^a-z0-9]+', ' ', 'g') as normalized_text
    from work.raw_quote as q
),

speakers as (
    select
        e.entity_id,
        e.name
    from work.entity as e
    where e.label = 'PERSON'
)

select
    substr(sha256(qs.article_id || ':' || qs.start_char::varchar || ':' || qs.end_char::varchar), 1, 16)
        as quote_id,
    qs.article_id,
    qs.text,
    sp.entity_id as speaker_entity_id,
    qs.speaker_name,
    qs.speaker_description,
    qs.verb,
    qs.is_partial,
    qs.start_char,
    qs.end_char,
    substr(sha256(trim(qs.normalized_text)), 1, 16) as quote_group,
    getvariable('run_id') as run_id
from quotes as qs
left join speakers as sp on sp.name = qs.speaker_name
order by qs.article_id, qs.start_char
