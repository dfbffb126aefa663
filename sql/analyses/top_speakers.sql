-- top_speakers: who is quoted most — one row per speaker, with quotes, articles and outlets.
with quotes as (
    select
        coalesce(q.speaker_name, q.speaker_description, '(unattributed)') as speaker,
        q.speaker_entity_id,
        q.article_id,
        q.quote_group,
        a.outlet
    from quote as q
    inner join article as a on a.article_id = q.article_id
)

select
    qs.speaker,
    any_value(qs.speaker_entity_id) as speaker_entity_id,
    count(*) as quotes,
    count(distinct qs.quote_group) as distinct_quotes,
    count(distinct qs.article_id) as articles,
    count(distinct qs.outlet) as outlets
from quotes as qs
group by qs.speaker
order by quotes desc, speaker
