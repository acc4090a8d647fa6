package org.xieshang.proposal.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.xieshang.notification.Notifications;
import org.xieshang.notification.Notifications.Notice;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.Step.Actor;
import org.xieshang.proposal.internal.repository.CaseLeaderRepository;
import org.xieshang.proposal.internal.repository.CoUnitRepository;
import org.xieshang.proposal.internal.repository.HistoryRepository;
import org.xieshang.proposal.internal.repository.ProposalRepository;
import org.xieshang.proposal.internal.repository.ProposerRepository;
import org.xieshang.proposal.internal.repository.SettingsRepository;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;
import org.xieshang.shared.tenancy.CommitteeCache;
import org.xieshang.shared.tenancy.CommitteeContext;

/**
 * What every proposal use case does the same way: open a case the user may see, check the step
 * against the state machine (404 → 403 → 409), record the move in the history, tell people.
 */
@Component
public class CaseSupport {

    private final ProposalRepository proposals;
    private final ProposerRepository proposers;
    private final CoUnitRepository coUnits;
    private final HistoryRepository history;
    private final SettingsRepository settings;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final NumberCounter counter;
    private final CaseLeaderRepository keyLeaders;
    private final Clock clock;
    private final CaseRows rows;
    /**
     * Each committee's settings, as {@link #settings()} gives them: evicted on this node by
     * {@link #settingsForChange()}; other nodes see a change within 1 minute (docs/reqcost.md).
     */
    private final CommitteeCache<ProposalSettings> settingsCache = new CommitteeCache<>();

    CaseSupport(ProposalRepository proposals, ProposerRepository proposers, CoUnitRepository coUnits,
                HistoryRepository history, SettingsRepository settings, Notifications notifications,
                ApplicationEventPublisher events, NumberCounter counter, CaseLeaderRepository keyLeaders, Clock clock,
                CaseRows rows) {
        this.rows = rows;
        this.clock = clock;
        this.keyLeaders = keyLeaders;
        this.proposals = proposals;
        this.proposers = proposers;
        this.coUnits = coUnits;
        this.history = history;
        this.settings = settings;
        this.notifications = notifications;
        this.events = events;
        this.counter = counter;
    }

    /** The case, if the current user may see it; otherwise 404, whether it exists or not. */
    public ProposalCase open(Long id) {
        CurrentUser user = CurrentUsers.require();
        if (id == null) {
            throw new NotFound();
        }
        // one statement: the row, if the scope lets the user see it (issue 16)
        Proposal p = proposals.findOne(ProposalScope.visibleTo(user).and(ProposalScope.hasId(id))).orElseThrow(NotFound::new);
        return new ProposalCase(p, proposers.findByProposalIdOrderByIdAsc(id), coUnits.findByProposalIdOrderByIdAsc(id));
    }

    /**
     * As {@link #open(Long)}, for reading only (the page's fragments): the row, then its proposers and
     * co-units in one statement ({@link CaseRows}), the scope rule checked on them ({@link ProposalScope#sees}).
     * No persistence context manages what it answers: never change or save it (use {@link #open}).
     */
    public ProposalCase openToRead(Long id) {
        return read(id, CaseRows::scopeKinds).kase();
    }

    /**
     * As {@link #openToRead}, with every collection the case detail shows, all in the same second
     * statement: two statements for the case (issue 16), three for a LEADER_GOV's key case.
     */
    public CaseRows.Read readToShow(Long id) {
        return read(id, CaseRows::detailKinds);
    }

    private CaseRows.Read read(Long id, java.util.function.Function<Proposal, Set<CaseRows.Kind>> kinds) {
        CurrentUser user = CurrentUsers.require();
        Long committee = CommitteeContext.current();
        if (id == null) {
            throw new NotFound();
        }
        if (committee == null || committee <= 0) { // no committee of its own: the filtered query decides
            ProposalCase c = open(id);
            return new CaseRows.Read(c, rows.rows(c.proposal(), kinds.apply(c.proposal())));
        }
        Proposal p = rows.proposal(id, committee).orElseThrow(NotFound::new);
        List<CaseRows.Row> all = rows.rows(p, kinds.apply(p));
        List<ProposalProposer> proposers = all.stream().filter(r -> r.kind() == CaseRows.Kind.PROPOSER)
                .map(r -> ProposalProposer.read(r, p)).toList();
        List<ProposalCoUnit> coUnits = all.stream().filter(r -> r.kind() == CaseRows.Kind.CO_UNIT)
                .map(r -> ProposalCoUnit.read(r, p)).toList();
        if (!ProposalScope.sees(user, p, proposers, coUnits, () -> rows.leadHandles(p, user.id()))) {
            throw new NotFound();
        }
        return new CaseRows.Read(new ProposalCase(p, proposers, coUnits), all);
    }

    /** Opens the case and checks that the user may take the step from its current state. */
    public ProposalCase openFor(Long id, Step step) {
        ProposalCase c = open(id);
        check(c, step);
        return c;
    }

    public void check(ProposalCase c, Step step) {
        check(c, step, Set.of());
    }

    /** As {@link #check(ProposalCase, Step)}, with standings the case record does not know (key proposal leaders). */
    public void check(ProposalCase c, Step step, Set<Actor> extra) {
        Set<Actor> actors = EnumSet.noneOf(Actor.class);
        actors.addAll(c.actorsOf(CurrentUsers.require()));
        actors.addAll(extra);
        if (!step.allowsAnyOf(actors)) {
            throw new Forbidden();
        }
        if (!step.startsFrom(c.proposal().getStatus())) {
            throw new Conflict("proposal.wrongState", status(c.proposal().getStatus()),
                    new DefaultMessageSourceResolvable("proposal.step." + step.name()));
        }
    }

    public static DefaultMessageSourceResolvable status(ProposalStatus s) {
        return new DefaultMessageSourceResolvable("enum.ProposalStatus." + s.name());
    }

    /** Moves the case (or only touches it when to is null) and writes the history line. */
    public void move(ProposalCase c, String action, ProposalStatus to, String note) {
        Proposal p = c.proposal();
        ProposalStatus from = p.getStatus();
        if (to != null) {
            p.moveTo(to);
        } else {
            p.touch();
        }
        CurrentUser user = CurrentUsers.require();
        history.save(new ProposalHistory(p.getId(), user.id(), user.displayName(), action, from,
                to == null ? from : to, note));
        refreshAccess(p);
        proposals.saveAndFlush(p);
        // the notices that asked for what this step did are cleared (notification module)
        ProposalTasks.doneBy(action, from, to == null ? from : to, p.getId(), user).forEach(events::publishEvent);
    }

    /** Recomputes who may see the case from its current proposers and units (queries flush pending changes first). */
    void refreshAccess(Proposal p) {
        List<Long> memberIds = proposers.findByProposalIdOrderByIdAsc(p.getId()).stream()
                .map(ProposalProposer::getMemberId).toList();
        List<Long> unitIds = new java.util.ArrayList<>(coUnits.findByProposalIdOrderByIdAsc(p.getId()).stream()
                .map(ProposalCoUnit::getUnitId).toList());
        if (p.getLeadUnitId() != null) {
            unitIds.add(p.getLeadUnitId());
        }
        p.access(memberIds, unitIds);
        // key proposals: lead-handling leaders see the case (ProposalScope)
        p.accessLeaders(keyLeaders.findByProposalIdOrderByIdAsc(p.getId()).stream()
                .filter(l -> l.getRole() == CaseLeader.Kind.LEAD).map(CaseLeader::getUserId).toList());
    }

    public void notifyMembers(List<Long> memberIds, String key, Proposal p) {
        notifications.toMembers(memberIds, notice(key, p, null));
    }

    public void notifyStaff(String key, Proposal p) {
        Notice notice = notice(key, p, null);
        notifications.toRole(Role.PROPOSAL_STAFF, notice);
    }

    public void notifyUnit(Long unitId, String key, Proposal p) {
        notifications.toUnit(unitId, notice(key, p, unitId));
    }

    /** A notice about the case, carrying the key of the task it asks for, if any ({@link ProposalTasks}). */
    private static Notice notice(String key, Proposal p, Long unitId) {
        Notice notice = Notice.of(key, "/proposals/" + p.getId(), p.getTitle());
        String task = ProposalTasks.forNotice(key, p.getId(), unitId);
        return task == null ? notice : notice.forTask(task);
    }

    /** The demo's closed cases are history: their notices are marked read, so a first sign-in is not flooded. */
    public void quietClosedCases() {
        notifications.markReadAbout(proposals.findAll().stream().filter(p -> p.getStatus() == ProposalStatus.CLOSED)
                .map(p -> "/proposals/" + p.getId()).toList());
    }

    public void publish(Object event) {
        events.publishEvent(event);
    }

    /**
     * The committee's proposal configuration; the defaults, unsaved, until it is first changed —
     * reading must not write, since reads run in read-only transactions (PostgreSQL refuses the insert).
     * A read-only copy from the cache (every case detail needs it, issue 16): change it through
     * {@link #settingsForChange()}, which evicts it.
     */
    public ProposalSettings settings() {
        return settingsCache.get(() -> settings.findFirstByOrderByIdAsc()
                .map(ProposalSettings::snapshot).orElseGet(ProposalSettings::defaults));
    }

    /**
     * The configuration to change: the committee's row, created from the defaults on the first change.
     * The cached copy goes now and again when the transaction ends (a reader may cache the old row meanwhile).
     */
    public ProposalSettings settingsForChange() {
        settingsCache.changed();
        return settings.findFirstByOrderByIdAsc().orElseGet(() -> settings.save(ProposalSettings.defaults()));
    }

    public int nextNumber(Long sessionId) {
        return counter.next(CommitteeContext.current(), sessionId);
    }

    /** Today by the application clock (a bean, so that tests can move time). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The checks of a dated record of the work on a case (a handling record, a supervision event):
     * its kind, a date not in the future, a text of 1 to {@link ProposalText#TEXT_MAX} characters.
     * Answers the text without surrounding blanks; problems are added to {@code invalid}.
     */
    public String datedRecord(InvalidInput invalid, Object kind, LocalDate date, String content) {
        if (kind == null) {
            invalid.add("type", "validation.required");
        }
        if (date == null) {
            invalid.add("date", "validation.required");
        } else if (date.isAfter(today())) {
            invalid.add("date", "proposal.validation.futureDate");
        }
        String text = content == null ? "" : content.strip();
        if (text.isEmpty() || text.length() > ProposalText.TEXT_MAX) {
            invalid.add("content", "validation.length", 1, ProposalText.TEXT_MAX);
        }
        return text;
    }

    public ProposalRepository proposals() {
        return proposals;
    }

    public ProposerRepository proposers() {
        return proposers;
    }

    public CoUnitRepository coUnits() {
        return coUnits;
    }

    public HistoryRepository history() {
        return history;
    }
}
