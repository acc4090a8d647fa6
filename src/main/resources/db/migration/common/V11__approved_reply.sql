-- The reply as staff approved it, apart from the unit's draft: while a rehandled case's new reply
-- is drafted or under review, statistics, the public page and "how it was handled" keep showing
-- the approved one. Existing replied cases take their current reply (a second-round draft under
-- review at this moment cannot be told apart; it is approved or returned soon).
alter table proposal add column approved_reply_category varchar(10);
alter table proposal add column approved_reply_content varchar(20000);
update proposal set approved_reply_category = reply_category, approved_reply_content = reply_content
    where replied_on is not null;
