-- entity: one row per canonical entity, across all articles. Aliases are the names written for
-- it (role references such as "the NATO chief" count as mentions but are no aliases).
-- Body mentions (work.entity_mention) give mention_count and article_count. Entities named only
-- in removed captions, credit lines and bylines (work.raw_entity_credit: photo agencies,
-- photographers, the byline) are entities too: they count in credit_count and credited_in but
-- have no body mention, so their mention_count is 0. Countries that event actors stand for
-- without being named ("Moscow said" acts for Russia; work.raw_entity_implied) count only in
-- reference_count, so every event actor id is an entity.
with body as (
    select
        m.entity_id,
        m.canonical_name,
        m.label,
        m.text,
        m.article_id,
        true as in_body,
        m.mention_kind = 'role' as is_role
    from work.entity_mention as m
),

credits as (
    select
        substr(sha256(c.label || '|' || c.canonical_name), 1, 16) as entity_id,
        c.canonical_name,
        c.label,
        c.text,
        c.article_id,
        false as in_body,
        false as is_role
    from work.raw_entity_credit as c
),

implied as (
    select
        substr(sha256(i.label || '|' || i.canonical_name), 1, 16) as entity_id,
        i.canonical_name,
        i.label,
        i.canonical_name as text,
        i.article_id,
        null::boolean as in_body,
        false as is_role
    from work.raw_entity_implied as i
),

refs as (
    select * from body
    union all
    select * from credits
    union all
    select * from implied
)

select
    r.entity_id,
    any_value(r.canonical_name) as name,
    any_value(r.label) as label,
    -- aliases hold names as written, never role words ("the NATO chief" is a role mention)
    coalesce(list_sort(list_distinct(list(r.text) filter (where not r.is_role))), []::varchar[])
        as aliases,
    count(*) filter (where r.in_body) as mention_count,
    count(distinct r.article_id) filter (where r.in_body) as article_count,
    count(*) filter (where r.in_body = false) as credit_count,
    coalesce(
        list_sort(list_distinct(list(r.article_id) filter (where not r.in_body))), []::varchar[]
    ) as credited_in,
    count(*) as reference_count,
    getvariable('run_id') as run_id
from refs as r
group by r.entity_id
order by mention_count desc, reference_count desc, name
