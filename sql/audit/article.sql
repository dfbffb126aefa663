-- audit view of article for its suite: every article row plus the columns the
-- cross-table expectations need.
select
    a.*,
    length(a.body) as body_length,
    d.doc_id is not null as document_exists,
    dup.article_id is not null or a.duplicate_of is null as duplicate_of_exists
from work.article as a
left join work.document as d on d.doc_id = a.doc_id
left join work.article as dup on dup.article_id = a.duplicate_of
