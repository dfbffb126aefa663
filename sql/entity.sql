-- entity: one row per canonical entity, across all articles.
with mentions as (
    select
        m.entity_id,
        m.canonical_name,
        m.label,
        m.text,
        m.article_id
    from work.entity_mention as m
)

select
    ms.entity_id,
    any_value(ms.canonical_name) as name,
    any_value(ms.label) as label,
    list_sort(list_distinct(list(ms.text))) as aliases,
    count(*) as mention_count,
    count(distinct ms.article_id) as article_count,
    getvariable('run_id') as run_id
from mentions as ms
group by ms.entity_id
order by mention_count desc, name
