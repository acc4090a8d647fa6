package org.xieshang.proposal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.web.multipart.MultipartFile;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.error.InvalidInput;

/**
 * The case's own rules, for the key work (module keywork) that builds on the case: open a case the
 * user may see (404), check a key step (403/409), mark it key, write a history line, tell the lead
 * unit, check a dated record, and the files of supervision events (kept with the case's files).
 * Who lead-handles or supervises a key case is read by this module from the key work's table
 * (a read model of its own), so the dependency runs one way: keywork → proposal.
 */
public interface ProposalCases {

    /** What the key work needs to know of a case. */
    record CaseFacts(Long id, String number, String title, ProposalStatus status, Long leadUnitId,
                     LocalDate dueDate, boolean key, long version) {
    }

    /** A stored file (same JSON fields as the case's attachments). */
    record CaseFile(Long id, String filename, String contentType, long size) {
    }

    /** The workflow steps of the key work. */
    enum KeyStep { MARK_KEY, SUPERVISE }

    /** The case, if the current user may see it; otherwise 404. */
    CaseFacts open(Long id);

    /**
     * Opens the case and checks that the current user may take the step from its state (403/409);
     * a lead-handling leader or supervisor of the case counts for {@link KeyStep#SUPERVISE}.
     */
    CaseFacts check(Long id, KeyStep step);

    /** Whether the current user may take the step on a case they see (no exception). */
    boolean may(Long id, KeyStep step);

    /** Sets the case's key flag and writes the history line {@code MARK_KEY} with the note. */
    void markKey(Long id, String note);

    /** Writes a history line on the case (the case is touched, its state stays). */
    void record(Long id, String action, String note);

    /** Tells the case's lead unit, if it has one, with the case's title. */
    void notifyLeadUnit(Long id, String messageKey);

    /** The checks of a dated record (kind, a date not in the future, the text); answers the stripped text. */
    String datedRecord(InvalidInput invalid, Object kind, LocalDate date, String content);

    /** Today by the application clock. */
    LocalDate today();

    /** The facts of these cases, without a visibility check (for lists already restricted). */
    List<CaseFacts> facts(Collection<Long> ids);

    /** Key cases the user sees, newest first; with {@code attachedOnly} those they lead-handle or supervise. */
    Page<CaseFacts> keyCases(CurrentUser user, boolean attachedOnly, int page, int size);

    /** Cases that came past the proposer's desk and may be compiled or chosen: key cases first, then the newest. */
    List<CaseFacts> filedCases(int max);

    /** The states of {@link #filedCases(int)}. */
    java.util.Set<ProposalStatus> filedStates();

    boolean isStaff(CurrentUser user);

    boolean seesAllCases(CurrentUser user);

    /** Checks a file before anything is written (400); answers its name. */
    String checkedFile(MultipartFile file);

    /** Stores a file documenting a supervision event with the case's files. */
    CaseFile addEventFile(Long id, Long eventId, MultipartFile file);

    /** The supervision events' files of a case, by event id. */
    Map<Long, List<CaseFile>> eventFiles(Long id);
}
