-- quote: one row per quotation, with the speaker linked to its entity: the person named as
-- speaker_name, or the organisation or country that speaks as a body (speaker_name null).
-- quote_group is shared by the same words quoted in several articles (case, accents,
-- punctuation and spacing ignored), and group_article_count says how many articles carry them.
with quotes as (
    select
        q.*,
        trim(regexp_replace(strip_accents(lower(q.text)), '[^a-z0-9]+', ' ', 'g')) as normalized_text
    from work.raw_quote as q
),

speakers as (
    select
        e.entity_id,
        e.name,
        e.aliases
    from work.entity as e
    where e.label = 'PERSON'
),

-- A speaker written as one of an entity's aliases still links, when only one entity has it.
alias_owners as (
    select
        al.alias,
        min(al.entity_id) as entity_id
    from (
        select
            sp.entity_id,
            unnest(sp.aliases) as alias
        from speakers as sp
    ) as al
    group by al.alias
    having count(distinct al.entity_id) = 1
),

grouped as (
    select
        qs.*,
        substr(sha256(qs.normalized_text), 1, 16) as quote_group
    from quotes as qs
),

group_sizes as (
    select
        gr.quote_group,
        count(distinct gr.article_id) as group_article_count
    from grouped as gr
    group by gr.quote_group
)

select
    substr(sha256(gr.article_id || ':' || gr.start_char::varchar || ':' || gr.end_char::varchar), 1, 16)
        as quote_id,
    gr.article_id,
    gr.text,
    coalesce(se.entity_id, sp.entity_id, ao.entity_id) as speaker_entity_id,
    gr.speaker_name,
    gr.speaker_description,
    gr.verb,
    gr.is_partial,
    gr.start_char,
    gr.end_char,
    gr.quote_group,
    gs.group_article_count,
    getvariable('run_id') as run_id
from grouped as gr
left join work.entity as se on se.label = gr.speaker_label and se.name = gr.speaker_entity
left join speakers as sp on sp.name = gr.speaker_name
left join alias_owners as ao on ao.alias = gr.speaker_name
left join group_sizes as gs on gs.quote_group = gr.quote_group
order by gr.article_id, gr.start_char
