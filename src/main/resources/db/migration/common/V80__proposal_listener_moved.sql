-- Issue 10: the proposal module's LiaisonLeadListener moved to the sub-package
-- proposal.internal.submission. Spring Modulith's event publication registry stores each
-- publication's target listener by its method's full name; renaming the stored ids lets a
-- publication left incomplete before the move still be found and resubmitted for the moved listener.
update event_publication
   set listener_id = replace(listener_id, 'org.xieshang.proposal.internal.LiaisonLeadListener',
                             'org.xieshang.proposal.internal.submission.LiaisonLeadListener')
 where listener_id like '%org.xieshang.proposal.internal.LiaisonLeadListener%';
update event_publication_archive
   set listener_id = replace(listener_id, 'org.xieshang.proposal.internal.LiaisonLeadListener',
                             'org.xieshang.proposal.internal.submission.LiaisonLeadListener')
 where listener_id like '%org.xieshang.proposal.internal.LiaisonLeadListener%';
