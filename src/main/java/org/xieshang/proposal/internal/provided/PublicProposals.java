package org.xieshang.proposal.internal.provided;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.committee.ReferenceData;
import org.xieshang.member.MemberDirectory;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.PublishedProposals;
import org.xieshang.proposal.internal.CaseSupport;
import org.xieshang.proposal.internal.Confirmation;
import org.xieshang.proposal.internal.Proposal;
import org.xieshang.proposal.internal.ProposalProposer;
import org.xieshang.proposal.internal.ProposerKind;
import org.xieshang.proposal.internal.ProposerRole;
import org.xieshang.proposal.internal.Step;
import org.xieshang.proposal.internal.query.ProposalSearch;
import org.xieshang.shared.Paging;

/**
 * What anyone may read without signing in (DESIGN §6 "Public"): the cases staff published, never a
 * confidential one, with the approved reply. Only the text of the proposal, who proposed it, the
 * handling units and the reply — no contact data, handling records, ratings, attachments or history.
 *
 * <p>Runs for the committee of {@code CommitteeContext}, which the publication module sets from the
 * request; nothing here reads a signed-in user.
 */
@Service
@Transactional(readOnly = true)
public class PublicProposals implements PublishedProposals {

    /** States in which a published case is shown: the ones it may be published from (a merged case is not). */
    public static final Set<ProposalStatus> SHOWN = EnumSet.copyOf(Step.PUBLISH.from());
    /** States in which the case's reply text is an approved one (under review or sent back it is not). */
    public static final Set<ProposalStatus> REPLY_SHOWN = EnumSet.of(ProposalStatus.REPLIED, ProposalStatus.REHANDLING,
            ProposalStatus.CLOSED);

    private final CaseSupport cases;
    private final ProposalSearch search;
    private final ReferenceData reference;
    private final MemberDirectory members;

    PublicProposals(CaseSupport cases, ProposalSearch search, ReferenceData reference, MemberDirectory members) {
        this.cases = cases;
        this.search = search;
        this.reference = reference;
        this.members = members;
    }

    static Specification<Proposal> published() {
        return (r, q, cb) -> cb.and(cb.isTrue(r.get("published")), cb.isFalse(r.get("confidential")),
                r.get("status").in(SHOWN));
    }

    static boolean isPublic(Proposal p) {
        return p.isPublished() && !p.isConfidential() && SHOWN.contains(p.getStatus());
    }

    /** The published cases, newest session first and by number; with {@code q}, Chinese full-text search, best first. */
    @Override
    public Page<PublicSummary> list(String q, Integer page, Integer size) {
        PageRequest paging = Paging.of(page, size, Sort.unsorted());
        Map<Long, ReferenceData.SessionView> sessions = new HashMap<>();
        reference.sessions().forEach(s -> sessions.put(s.id(), s));
        Map<Long, String> units = new HashMap<>();
        reference.units().forEach(u -> units.put(u.id(), u.name()));
        if (q != null && !q.isBlank()) {
            Page<ProposalSearch.PublicHit> hits = search.searchPublished(q, paging);
            Map<Long, Proposal> byId = new HashMap<>();
            cases.proposals().findAllById(hits.getContent().stream().map(ProposalSearch.PublicHit::id).toList())
                    .forEach(p -> byId.put(p.getId(), p));
            List<PublicSummary> out = new ArrayList<>();
            for (ProposalSearch.PublicHit h : hits.getContent()) {
                Proposal p = byId.get(h.id());
                // the database decides, not the index alone: a case withdrawn a moment ago is gone
                if (p != null && isPublic(p)) {
                    String snippet = h.textSnippet() != null ? h.textSnippet()
                            : REPLY_SHOWN.contains(p.getStatus()) ? h.replySnippet() : null;
                    out.add(summary(p, sessions, units, snippet));
                }
            }
            return new PageImpl<>(out, paging, hits.getTotalElements());
        }
        PageRequest sorted = paging.withSort(Sort.by(Sort.Order.desc("sessionId"), Sort.Order.asc("numberSeq"),
                Sort.Order.asc("id")));
        return cases.proposals().findAll(published(), sorted).map(p -> summary(p, sessions, units, null));
    }

    @Override
    public Optional<PublicCase> find(long id) {
        Proposal p = cases.proposals().findById(id).orElse(null);
        if (p == null || !isPublic(p)) {
            return Optional.empty();
        }
        ReferenceData.SessionView session = reference.sessions().stream().filter(s -> s.id().equals(p.getSessionId()))
                .findFirst().orElse(null);
        List<String> proposers;
        if (p.getProposerKind() == ProposerKind.COLLECTIVE) {
            proposers = p.getCollectiveName() == null ? List.of() : List.of(p.getCollectiveName());
        } else {
            List<ProposalProposer> active = cases.proposers().findByProposalIdOrderByIdAsc(id).stream()
                    .filter(x -> x.getConfirmation() != Confirmation.DECLINED)
                    // the lead proposer first, then co-signers in the order they were named
                    .sorted(java.util.Comparator.comparing((ProposalProposer x) -> x.getRole() != ProposerRole.LEAD))
                    .toList();
            Map<Long, String> names = members.names(active.stream().map(ProposalProposer::getMemberId).toList());
            proposers = active.stream().map(x -> names.get(x.getMemberId())).filter(java.util.Objects::nonNull)
                    .distinct().toList();
        }
        List<String> coUnits = cases.coUnits().findByProposalIdOrderByIdAsc(id).stream()
                .map(u -> unitName(u.getUnitId())).filter(java.util.Objects::nonNull).toList();
        boolean reply = REPLY_SHOWN.contains(p.getStatus());
        return Optional.of(new PublicCase(p.getId(), p.getNumber(), p.getTitle(), p.getCategory(),
                session == null ? null : session.name(), session == null ? null : session.year(),
                p.getProposerKind().name(), proposers, p.getBackground(), p.getSuggestions(), unitName(p.getLeadUnitId()),
                coUnits, PublicStage.of(p.getStatus()), reply ? p.getApprovedReplyCategory() : null,
                reply ? p.getApprovedReplyContent() : null, reply ? p.getRepliedOn() : null,
                p.getStatus() == ProposalStatus.CLOSED ? p.getClosedOn() : null));
    }

    private static PublicSummary summary(Proposal p, Map<Long, ReferenceData.SessionView> sessions, Map<Long, String> units,
                                         String snippet) {
        boolean reply = REPLY_SHOWN.contains(p.getStatus());
        ReferenceData.SessionView s = sessions.get(p.getSessionId());
        return new PublicSummary(p.getId(), p.getNumber(), p.getTitle(), p.getCategory(), s == null ? null : s.year(),
                p.getLeadUnitId() == null ? null : units.get(p.getLeadUnitId()), PublicStage.of(p.getStatus()),
                reply ? p.getApprovedReplyCategory() : null, reply ? p.getRepliedOn() : null, snippet);
    }

    private String unitName(Long unitId) {
        return unitId == null ? null : reference.unit(unitId).map(ReferenceData.UnitView::name).orElse(null);
    }
}
