package org.xieshang.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.proposal.Cases.P;
import static org.xieshang.proposal.Cases.expectStatus;
import static org.xieshang.proposal.Cases.ok;
import static org.xieshang.proposal.Cases.rating;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.committee.ReferenceData;
import org.xieshang.identity.UserAccounts;
import org.xieshang.member.MemberDirectory;
import org.xieshang.proposal.internal.CaseSupport;
import org.xieshang.proposal.internal.Evaluation;
import org.xieshang.proposal.internal.HandlingMode;
import org.xieshang.proposal.internal.HandlingRecord;
import org.xieshang.proposal.internal.HandlingType;
import org.xieshang.proposal.internal.Proposal;
import org.xieshang.proposal.internal.ProposalAttachment;
import org.xieshang.proposal.internal.ProposalCase;
import org.xieshang.proposal.internal.ProposalCoUnit;
import org.xieshang.proposal.internal.ProposalConversion;
import org.xieshang.proposal.internal.ProposalHistory;
import org.xieshang.proposal.internal.ProposalPart;
import org.xieshang.proposal.internal.ProposalProposer;
import org.xieshang.proposal.internal.ReassignmentRequest;
import org.xieshang.proposal.internal.ReplyVisibility;
import org.xieshang.proposal.internal.Step;
import org.xieshang.proposal.internal.handling.ProposerContact;
import org.xieshang.proposal.internal.query.ProposalQueries;
import org.xieshang.proposal.internal.query.ProposalViews.AttachmentView;
import org.xieshang.proposal.internal.query.ProposalViews.CoUnitView;
import org.xieshang.proposal.internal.query.ProposalViews.EvaluationView;
import org.xieshang.proposal.internal.query.ProposalViews.HistoryView;
import org.xieshang.proposal.internal.query.ProposalViews.PartView;
import org.xieshang.proposal.internal.query.ProposalViews.ProposalDetail;
import org.xieshang.proposal.internal.query.ProposalViews.ProposerView;
import org.xieshang.proposal.internal.query.ProposalViews.ReassignmentView;
import org.xieshang.proposal.internal.query.ProposalViews.RecordView;
import org.xieshang.proposal.internal.query.ProposalViews.Satisfaction;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.NotFound;
import org.xieshang.shared.tenancy.CommitteeContext;
import org.xieshang.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16: the case detail read by plain JDBC straight into the views ({@code ProposalQueries.detail})
 * equals the former read — the case opened by the criteria rule ({@code ProposalScope.visibleTo}), its
 * rows as managed entities from Hibernate's native queries, mapped to the views as before (kept here
 * as the reference) — for cases in every state of the main line and beside it, for every role: the
 * same fields hidden and shown, and 404 for the same cases.
 */
class CaseDetailEquivalenceTest extends ProposalApiTestBase {

    private static final int YEAR = 2071;

    @Autowired
    ProposalQueries queries;
    @Autowired
    CaseSupport cases;
    @Autowired
    MemberDirectory members;
    @Autowired
    ReferenceData reference;
    @Autowired
    ProposerContact contact;
    @Autowired
    UserAccounts accounts;
    @Autowired
    EntityManager em;
    @Autowired
    TransactionTemplate tx;

    private final List<Long> ids = new ArrayList<>();
    private final Map<String, Supplier<Api>> roles = new LinkedHashMap<>();

    @BeforeAll
    void buildCases() {
        long term = ok(201, f.admin.post("/api/v1/terms", Map.of("name", org.xieshang.support.TestSupport.unique("第四十届"),
                "startDate", "2070-01-01", "endDate", "2074-12-31"))).path("id").asLong();
        long session = ok(201, f.admin.post("/api/v1/terms/" + term + "/sessions", Map.of("name", "第" + YEAR + "年会议",
                "year", YEAR, "startDate", YEAR + "-01-10"))).path("id").asLong();
        for (String state : List.of("DRAFT", "SUBMITTED", "FILED", "ASSIGNED", "IN_PROGRESS", "REPLY_REVIEW", "REPLIED",
                "CLOSED")) {
            ids.add(f.caseIn(session, state, false));
            ids.add(f.caseIn(session, state, true));
        }
        long withdrawn = f.draftIn(session);
        expectStatus(ok(200, f.lead().post(P + "/" + withdrawn + "/withdraw", Map.of())), "WITHDRAWN");
        ids.add(withdrawn);
        // not filed, then converted
        long converted = f.caseIn(session, "SUBMITTED", false);
        expectStatus(ok(200, f.staff().post(P + "/" + converted + "/review", Map.of("decision", "NOT_FILE",
                "reason", "内容空泛，无具体建议"))), "NOT_FILED");
        ok(200, f.staff().post(P + "/" + converted + "/convert", Map.of("kind", "SOCIAL_REPORT", "note", "转社情民意")));
        ids.add(converted);
        // a reply the head sent back (its reason is the unit's and the office's), with a reassignment request
        long returned = f.caseIn(session, "IN_PROGRESS", true);
        f.contact(returned);
        ok(201, f.coUnit().post(P + "/" + returned + "/co-opinions", Map.of("content", "同意")));
        expectStatus(ok(200, f.leadUnit().post(P + "/" + returned + "/reply", Map.of("category", "B", "content", "草拟答复"))),
                "REPLY_REVIEW");
        ok(200, f.leadUnitHead().post(P + "/" + returned + "/reply-signoff", Map.of("approve", false, "reason", "请补充数据")));
        ids.add(returned);
        long objected = f.caseIn(session, "ASSIGNED", false);
        ok(201, f.leadUnit().post(P + "/" + objected + "/reassignment-requests", Map.of("reason", "不属于本单位职责")));
        ids.add(objected);
        // published; key with the government leader leading it
        long published = f.caseIn(session, "REPLIED", false);
        ok(200, f.staff().post(P + "/" + published + "/publication", Map.of("published", true)));
        ids.add(published);
        long govId = ok(200, f.leaderGov().get("/api/v1/me")).path("id").asLong();
        long key = f.caseIn(session, "IN_PROGRESS", false);
        ok(200, f.staff().post(P + "/" + key + "/key", Map.of("leadLeaderUserIds", List.of(govId), "supervisorUserIds", List.of())));
        ids.add(key);
        // rated by a co-signer
        long coRated = f.caseIn(session, "REPLIED", true);
        ok(201, f.cosigner().post(P + "/" + coRated + "/evaluation", rating("SATISFIED", "BASICALLY_SATISFIED")));
        ids.add(coRated);
        ids.add(split(session));

        roles.put("ADMIN", () -> f.admin);
        roles.put("PROPOSAL_STAFF", f::staff);
        roles.put("LEADER_CPPCC", f::leaderCppcc);
        roles.put("LEADER_GOV", f::leaderGov);
        roles.put("MEMBER lead proposer", f::lead);
        roles.put("MEMBER co-signer", f::cosigner);
        roles.put("MEMBER not a proposer", f::other);
        roles.put("UNIT_HANDLER lead unit", f::leadUnit);
        roles.put("UNIT_HEAD lead unit", f::leadUnitHead);
        roles.put("UNIT_HANDLER co-unit", f::coUnit);
        roles.put("UNIT_HEAD co-unit", () -> f.unitHead(1));
        roles.put("UNIT_HANDLER unrelated unit", f::otherUnit);
    }

    /** A joint case with an attachment, split between units 0 and 1, the co-unit's part replied, reviewed and rated. */
    private long split(long session) {
        long id = f.draftIn(session, f.member(1));
        ok(201, f.lead().upload(P + "/" + id + "/attachments", "file", "调研报告.txt", "text/plain",
                "附件：调研数据\n".getBytes(StandardCharsets.UTF_8)));
        f.advance(id, "FILED", true);
        ok(200, f.staff().post(P + "/" + id + "/assign", Map.of("leadUnitId", f.unit(0),
                "coUnitIds", List.of(f.unit(1)), "handlingMode", "SPLIT")));
        expectStatus(ok(200, f.leadUnit().post(P + "/" + id + "/accept", Map.of())), "IN_PROGRESS");
        f.contact(id);
        ok(201, f.coUnit().post(P + "/" + id + "/handling-records", Map.of("type", Cases.PROPOSER_CONTACT,
                "date", LocalDate.now().toString(), "content", "协办单位电话联系提案人")));
        ok(200, Cases.replySigned(f.coUnit(), f.unitHead(1), id, Map.of("category", "B", "content", "协办部分答复")));
        ok(200, f.staff().post(P + "/" + id + "/reply-review", Map.of("approve", true, "unitId", f.unit(1))));
        Map<String, Object> rated = new HashMap<>(rating("SATISFIED", "SATISFIED"));
        rated.put("unitId", f.unit(1));
        ok(201, f.lead().post(P + "/" + id + "/evaluation", rated));
        ok(200, f.leadUnit().post(P + "/" + id + "/reply", Map.of("category", "A", "content", "主办部分草稿")));
        return id;
    }

    @Test
    void theJdbcReadEqualsTheFormerReadForEveryCaseAndRole() {
        Long committee = committee();
        int seen = 0;
        int hidden = 0;
        for (var role : roles.entrySet()) {
            CurrentUser user = user(role.getValue().get(), committee);
            for (long id : ids) {
                String as = role.getKey() + ", case " + id;
                Object former = as(user, () -> {
                    try {
                        return formerDetail(id);
                    } catch (NotFound e) {
                        return "404";
                    }
                });
                Object now = as(user, () -> {
                    try {
                        return queries.detail(id);
                    } catch (NotFound e) {
                        return "404";
                    }
                });
                assertThat(now).as(as).isEqualTo(former);
                if (former instanceof ProposalDetail) {
                    seen++;
                } else {
                    hidden++;
                }
            }
        }
        assertThat(seen).as("cases seen").isGreaterThan(ids.size() * 3);
        assertThat(hidden).as("cases hidden").isGreaterThan(ids.size());
        // and through the API: a case outside the user's scope stays 404
        assertThat(f.otherUnit().get(P + "/" + ids.get(ids.size() - 1)).status()).isEqualTo(404);
    }

    private Long committee() {
        return CommitteeContext.callAsSystem(() -> tx.execute(t -> em.createQuery(
                "select p.committeeId from Proposal p where p.id = :id", Long.class)
                .setParameter("id", ids.get(0)).getSingleResult()));
    }

    private static CurrentUser user(Api who, Long committee) {
        JsonNode me = ok(200, who.get("/api/v1/me"));
        Set<Role> roleSet = new HashSet<>();
        me.path("roles").forEach(r -> roleSet.add(Role.valueOf(r.asString())));
        return new CurrentUser(me.path("id").asLong(), me.path("username").asString(), "", committee, roleSet,
                me.path("memberId").isNull() || me.path("memberId").isMissingNode() ? null : me.path("memberId").asLong(),
                me.path("unitId").isNull() || me.path("unitId").isMissingNode() ? null : me.path("unitId").asLong());
    }

    /** Runs as this user in the user's committee (what a request's filters set up), then clears both. */
    private static <T> T as(CurrentUser user, Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null, List.of()));
        try {
            return CommitteeContext.callAs(user.committeeId(), work::get);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    // --- the former read: the criteria rule, managed entities from native queries, the former mapping ---

    private <T> List<T> rows(Class<T> type, String sql, Proposal p) {
        @SuppressWarnings("unchecked")
        List<T> found = em.createNativeQuery(sql, type).setParameter(1, p.getId()).setParameter(2, p.getCommitteeId())
                .getResultList();
        return found;
    }

    private static String byId(String table) {
        return "select * from " + table + " where proposal_id = ?1 and committee_id = ?2 order by id";
    }

    private ProposalDetail formerDetail(long id) {
        TransactionTemplate readOnly = new TransactionTemplate(tx.getTransactionManager());
        readOnly.setReadOnly(true);
        return readOnly.execute(t -> formerDetail(cases.open(id)));
    }

    private ProposalDetail formerDetail(ProposalCase c) {
        Proposal p = c.proposal();
        CurrentUser user = org.xieshang.shared.CurrentUsers.require();
        Set<Step.Actor> actors = c.actorsOf(user);
        Map<Long, MemberDirectory.Contact> contacts = actors.contains(Step.Actor.LEAD_UNIT) || actors.contains(Step.Actor.CO_UNIT)
                ? members.contacts(c.proposers().stream().map(ProposalProposer::getMemberId).toList()) : Map.of();
        boolean assigned = p.getLeadUnitId() != null;
        List<Evaluation> evals = assigned && p.getStatus() != ProposalStatus.ASSIGNED
                ? rows(Evaluation.class, byId("evaluation"), p) : List.of();
        Set<Long> named = new HashSet<>();
        c.proposers().forEach(x -> named.add(x.getMemberId()));
        evals.forEach(e -> named.add(e.getMemberId()));
        Map<Long, String> names = new HashMap<>(members.names(named));
        List<ProposerView> proposers = c.proposers().stream().map(x -> {
            MemberDirectory.Contact reach = contacts.get(x.getMemberId());
            return new ProposerView(x.getMemberId(), names.get(x.getMemberId()), x.getRole().name(),
                    x.getConfirmation().name(), x.getMergedFromId(), reach == null ? null : reach.phone(),
                    reach == null ? null : reach.email());
        }).toList();
        Long lead = c.leadMemberId();
        Satisfaction satisfaction = evals.stream().filter(e -> e.getMemberId().equals(lead)
                        && (e.getUnitId() == null || e.getUnitId().equals(p.getLeadUnitId())))
                .reduce((a, b) -> b).map(e -> new Satisfaction(e.getAttitude(), e.getResult())).orElse(null);
        List<CoUnitView> coUnits = c.coUnits().stream().map(u -> new CoUnitView(u.getUnitId(), unitName(u.getUnitId()),
                u.getOpinion(), u.getOpinionAt(), u.isOpinionOnPaper(), u.getRemindedAt())).toList();
        List<HandlingRecord> handling = assigned ? rows(HandlingRecord.class, "select * from handling_record where"
                + " proposal_id = ?1 and committee_id = ?2 order by record_date, id", p) : List.of();
        LocalDate contactDue = contact.dueDate(p);
        boolean contacted = handling.stream().anyMatch(r -> r.getType() == HandlingType.PROPOSER_CONTACT
                && p.getLeadUnitId() != null && p.getLeadUnitId().equals(r.getUnitId()));
        boolean showReply = p.getStatus() != ProposalStatus.REPLY_REVIEW && p.getStatus() != ProposalStatus.IN_PROGRESS
                || !ReplyVisibility.hidesWorkingReply(user, p);
        boolean unitSees = ReplyVisibility.seesWorkingReply(user, p.getLeadUnitId());
        List<Long> without = new ArrayList<>();
        if (p.getLeadUnitId() != null) {
            without.add(p.getLeadUnitId());
            c.coUnits().forEach(u -> without.add(u.getUnitId()));
            without.removeIf(accounts.unitIdsWithAccounts()::contains);
        }
        return new ProposalDetail(p.getId(), p.getNumber(), p.getTitle(), p.getBackground(), p.getSuggestions(),
                p.getCategory(), p.getStatus(), p.getProposerKind().name(), p.getCollectiveName(), p.getSessionId(),
                p.isDuringPlenary(), proposers, p.getHandlingMode() == null ? null : p.getHandlingMode().name(),
                p.getLeadUnitId(), unitName(p.getLeadUnitId()), c.coUnits().stream().map(ProposalCoUnit::getUnitId).toList(),
                coUnits, p.getAssignedOn(), p.getAcceptedOn(), contactDue, contact.overdue(p, contactDue, contacted),
                p.getDueDate(), p.isKey(), p.isPublished(), p.isConfidential(),
                ReplyVisibility.category(user, p), ReplyVisibility.content(user, p),
                p.getRepliedOn(), p.getReplyRound(),
                p.isRehandled(), p.getImplementedOn(), p.getImplementationNote(), satisfaction, p.getNotFiledGround(),
                p.getDecisionReason(), p.getMergedIntoId(), p.getSubmittedOn(), p.getClosedOn(),
                handling.stream().map(r -> new RecordView(r.getId(), r.getUnitId(),
                        r.getType(), r.getDate(), r.getContent(), r.getRound(), r.getAuthor())).toList(),
                evals.stream().map(e -> new EvaluationView(e.getMemberId(), names.get(e.getMemberId()), e.getRound(),
                        e.getAttitude(), e.getResult(), e.getComment(), e.getCreatedAt(), e.getUnitId())).toList(),
                (assigned ? rows(ReassignmentRequest.class, byId("reassignment_request"), p) : List.<ReassignmentRequest>of())
                        .stream().map(r -> new ReassignmentView(r.getUnitId(), r.getReason(), r.getRequestedAt(),
                                r.getResolvedAt())).toList(),
                rows(ProposalAttachment.class, "select * from proposal_attachment where proposal_id = ?1 and committee_id = ?2"
                        + " and supervision_event_id is null order by id", p).stream().map(a -> new AttachmentView(a.getId(),
                        a.getFilename(), a.getContentType(), a.getSize())).toList(),
                p.getStatus() != ProposalStatus.NOT_FILED ? null : rows(ProposalConversion.class, byId("proposal_conversion"), p)
                        .stream().findFirst().map(x -> x.getKind().name()).orElse(null),
                rows(ProposalHistory.class, byId("proposal_history"), p).stream().map(h -> new HistoryView(h.getAt(),
                        h.getActor(), h.getAction(), h.getFromStatus(), h.getToStatus(),
                        !showReply && "REPLY".equals(h.getAction()) || !unitSees && "RETURN_SIGNOFF".equals(h.getAction())
                                ? null : h.getNote())).toList(),
                without,
                p.getVersion(), p.isReplySignedOff(), unitSees ? p.getSignoffReturnReason() : null,
                p.getHandlingMode() == HandlingMode.SPLIT ? rows(ProposalPart.class, byId("proposal_part"), p).stream().map(x -> {
                    boolean working = ReplyVisibility.seesWorkingReply(user, x.getUnitId());
                    Satisfaction partRating = evals.stream().filter(e -> e.getMemberId().equals(lead)
                                    && x.getUnitId().equals(e.getUnitId()))
                            .reduce((a, b) -> b).map(e -> new Satisfaction(e.getAttitude(), e.getResult())).orElse(null);
                    return new PartView(x.getUnitId(), unitName(x.getUnitId()), x.getStatus(),
                            working ? x.getReplyCategory() : x.getApprovedReplyCategory(),
                            working ? x.getReplyContent() : x.getApprovedReplyContent(), x.isReplySignedOff(), x.getRepliedOn(),
                            x.getReplyRound(), partRating);
                }).toList() : List.of());
    }

    private String unitName(Long unitId) {
        return unitId == null ? null : reference.unit(unitId).map(ReferenceData.UnitView::name).orElse(null);
    }
}
