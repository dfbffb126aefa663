-- audit view of quote: referential integrity and offset round-trip per quotation.
select
    q.*,
    a.article_id is not null as article_exists,
    q.speaker_entity_id is null or e.entity_id is not null as speaker_exists,
    coalesce(length(a.body), 0) as body_length,
    coalesce(substr(a.body, q.start_char + 1, q.end_char - q.start_char) = q.text, false)
        as text_matches_body
from work.quote as q
left join work.article as a on a.article_id = q.article_id
left join work.entity as e on e.entity_id = q.speaker_entity_id
