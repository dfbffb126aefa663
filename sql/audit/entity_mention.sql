-- audit view of entity_mention: referential integrity and offset round-trip per mention.
select
    m.*,
    a.article_id is not null as article_exists,
    e.entity_id is not null as entity_exists,
    coalesce(length(a.body), 0) as body_length,
    coalesce(substr(a.body, m.start_char + 1, m.end_char - m.start_char) = m.text, false)
        as text_matches_body
from work.entity_mention as m
left join work.article as a on a.article_id = m.article_id
left join work.entity as e on e.entity_id = m.entity_id
