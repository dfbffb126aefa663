-- entity_pairs: entities that appear together — one row per pair of entities sharing articles.
with presence as (
    select distinct
        m.article_id,
        m.entity_id
    from entity_mention as m
),

pairs as (
    select
        p1.entity_id as entity_a,
        p2.entity_id as entity_b,
        count(*) as shared_articles
    from presence as p1
    inner join presence as p2
        on p1.article_id = p2.article_id and p1.entity_id < p2.entity_id
    group by p1.entity_id, p2.entity_id
)

select
    ea.name as entity_a_name,
    ea.label as entity_a_label,
    eb.name as entity_b_name,
    eb.label as entity_b_label,
    pr.shared_articles,
    pr.entity_a,
    pr.entity_b
from pairs as pr
inner join entity as ea on ea.entity_id = pr.entity_a
inner join entity as eb on eb.entity_id = pr.entity_b
order by pr.shared_articles desc, entity_a_name, entity_b_name
