package org.xieshang.assessment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.audit.AuditTrail;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;

/**
 * The office's rebuild of the duty record of a period from the source modules (a deployment that
 * upgrades has no record of the time before the assessment module). Entries are keyed by source,
 * so a rebuild only adds what is missing and brings changed sources up to date; running it twice
 * adds nothing. A derived entry of the period that no source says any more (its source deleted, or
 * changed while the event was lost) stops counting — unless it was written after the rebuild read
 * its sources (a newer event's). Manual entries are the office's and never touched. Computed in
 * chunks, by a background task, with progress; one at a time.
 */
@Service
public class DutyRebuildService {

    private static final Logger log = LoggerFactory.getLogger(DutyRebuildService.class);
    static final String AUDIT_TYPE = "DutyRebuild";
    /** Up to five years at once: an upgrade may bring a whole term of history. */
    static final int MAX_DAYS = 5 * 366;
    static final int CHUNK = 200;

    public record RebuildView(Long id, LocalDate from, LocalDate to, String status, int factsTotal, int factsDone,
                              int entriesBefore, Integer entriesAfter, Instant startedAt, String startedBy,
                              Instant finishedAt, String failure) {
    }

    private final DutyRebuildRepository rebuilds;
    private final DutyEntryRepository entries;
    private final Backfill backfill;
    private final DutyRecorder recorder;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    DutyRebuildService(DutyRebuildRepository rebuilds, DutyEntryRepository entries, Backfill backfill,
                       DutyRecorder recorder, AuditTrail audit, TransactionTemplate tx, Clock clock) {
        this.rebuilds = rebuilds;
        this.entries = entries;
        this.backfill = backfill;
        this.recorder = recorder;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    private static void requireOffice() {
        if (!AssessmentAccess.office(CurrentUsers.require())) {
            throw new Forbidden();
        }
    }

    /** Records a rebuild of [from, to] (ADMIN); computing is separate ({@link #compute}). 409 while one runs. */
    public Long start(LocalDate from, LocalDate to) {
        requireOffice();
        InvalidInput invalid = new InvalidInput();
        if (from == null) {
            invalid.add("from", "validation.required");
        }
        if (to == null) {
            invalid.add("to", "validation.required");
        }
        invalid.throwIfAny();
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw InvalidInput.field("to", "dutyfig.rebuild.validation.period", MAX_DAYS);
        }
        if (to.isAfter(LocalDate.now(clock))) {
            throw InvalidInput.field("to", "dutyfig.rebuild.validation.future");
        }
        return tx.execute(s -> {
            if (rebuilds.existsByStatus(DutyRebuild.Status.RUNNING)) {
                throw new Conflict("dutyfig.rebuild.running");
            }
            DutyRebuild r = rebuilds.saveAndFlush(new DutyRebuild(from, to, (int) entries.count(), clock.instant(),
                    CurrentUsers.actorName()));
            audit.record(AUDIT_TYPE, r.getId(), "START", Map.of("from", from.toString(), "to", to.toString()));
            return r.getId();
        });
    }

    /** Runs a started rebuild: reads the sources' facts, then writes them chunk by chunk with progress. */
    public void compute(Long id) {
        DutyRebuild started = tx.execute(s -> rebuilds.findById(id).orElseThrow(NotFound::new));
        if (started.getStatus() != DutyRebuild.Status.RUNNING) {
            return;
        }
        try {
            Instant read = clock.instant();
            List<Runnable> facts = backfill.facts(started.getFromDate(), started.getToDate(), true);
            update(id, r -> r.total(facts.size()));
            Set<DutyRecorder.Key> followed = new HashSet<>();
            for (int i = 0; i < facts.size(); i += CHUNK) {
                List<Runnable> chunk = facts.subList(i, Math.min(facts.size(), i + CHUNK));
                int done = Math.min(facts.size(), i + CHUNK);
                Runnable steps = () -> recorder.collecting(followed, () -> chunk.forEach(Runnable::run));
                try {
                    tx.executeWithoutResult(s -> steps.run());
                } catch (DataIntegrityViolationException raced) {
                    // an event handler wrote the same source's entry meanwhile: the second pass finds it and updates
                    tx.executeWithoutResult(s -> steps.run());
                }
                update(id, r -> r.progress(done));
            }
            int lapsed = sweep(id, started.getFromDate(), started.getToDate(), followed, read);
            tx.executeWithoutResult(s -> {
                DutyRebuild r = rebuilds.findById(id).orElseThrow();
                r.done((int) entries.count(), clock.instant());
                rebuilds.saveAndFlush(r);
                audit.record(AUDIT_TYPE, id, "DONE", Map.of("facts", facts.size(),
                        "entriesAdded", r.getEntriesAfter() - r.getEntriesBefore(), "entriesLapsed", lapsed));
            });
        } catch (RuntimeException e) {
            log.warn("duty record rebuild {} failed", id, e);
            update(id, r -> r.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant()));
            throw e;
        }
    }

    /**
     * The period's counting derived entries that no fact followed, written before the facts were read,
     * stop counting (in chunks, each audited); answers how many.
     */
    private int sweep(Long id, LocalDate from, LocalDate to, Set<DutyRecorder.Key> followed, Instant read) {
        List<Long> stale = tx.execute(s -> entries.between(from, to).stream()
                .filter(e -> !DutyRecordListener.MANUAL.equals(e.getSourceType()))
                .filter(e -> e.getUpdatedAt() == null || e.getUpdatedAt().isBefore(read))
                .filter(e -> !followed.contains(DutyRecorder.Key.of(e)))
                .map(DutyEntry::getId).toList());
        int lapsed = 0;
        for (int i = 0; i < stale.size(); i += CHUNK) {
            List<Long> chunk = stale.subList(i, Math.min(stale.size(), i + CHUNK));
            // read again: an event may have changed one of them since
            lapsed += tx.execute(s -> {
                List<DutyEntry> still = entries.findAllById(chunk).stream().filter(DutyEntry::isActive)
                        .filter(e -> e.getUpdatedAt() == null || e.getUpdatedAt().isBefore(read)).toList();
                still.forEach(e -> recorder.lapse(e, id));
                return still.size();
            });
        }
        return lapsed;
    }

    private void update(Long id, java.util.function.Consumer<DutyRebuild> change) {
        tx.executeWithoutResult(s -> {
            DutyRebuild r = rebuilds.findById(id).orElseThrow();
            change.accept(r);
            rebuilds.saveAndFlush(r);
        });
    }

    public RebuildView get(Long id) {
        requireOffice();
        return tx.execute(s -> view(rebuilds.findById(id).orElseThrow(NotFound::new)));
    }

    /** The latest rebuilds, newest first (the page shows them under the button). */
    public List<RebuildView> latest(int n) {
        requireOffice();
        return tx.execute(s -> rebuilds.findAllByOrderByStartedAtDescIdDesc().stream().limit(n).map(DutyRebuildService::view)
                .toList());
    }

    static RebuildView view(DutyRebuild r) {
        return new RebuildView(r.getId(), r.getFromDate(), r.getToDate(), r.getStatus().name(), r.getFactsTotal(),
                r.getFactsDone(), r.getEntriesBefore(), r.getEntriesAfter(), r.getStartedAt(), r.getStartedBy(),
                r.getFinishedAt(), r.getFailure());
    }
}
