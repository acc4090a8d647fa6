package org.xieshang.keywork.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.xieshang.proposal.ProposalStatus;

/**
 * What the key-proposal pages show. Public because the precompiled templates live in a
 * package of their own.
 */
public final class KeyWorkViews {

    private KeyWorkViews() {
    }

    /** A user offered in a form: a leader to attach. */
    public record Person(Long userId, String name) {
    }

    /** A key case in a list: who leads and supervises it and how far supervision has gone. */
    public record KeyCaseRow(Long id, String number, String title, ProposalStatus status, String leadUnit,
                             LocalDate dueDate, List<String> leadLeaders, List<String> supervisors, long events,
                             LocalDate lastEvent, String myRole) {
    }

    /** A page of key cases; {@code mineOnly} when the list is the reader's own (a leader's page). */
    public record KeyCaseList(List<KeyCaseRow> items, long total, int page, int totalPages, boolean mineOnly,
                              boolean mayListAll) {

        public String link(int target) {
            return "/key-proposals?page=" + target + (mineOnly && mayListAll ? "&mine=true" : "");
        }
    }

    public record EventRow(SupervisionType type, LocalDate date, String content, String participants, String author,
                           Instant createdAt, List<org.xieshang.proposal.ProposalCases.CaseFile> attachments) {
    }

    /** One case's key-proposal page: its standing, its supervision events and the forms the reader may use. */
    public record KeyCasePage(Long id, String number, String title, ProposalStatus status, String leadUnit,
                              LocalDate dueDate, boolean key, List<Person> leadLeaders, List<Person> supervisors,
                              List<EventRow> events, boolean mayMark, boolean maySupervise, boolean mayCompile,
                              List<Person> govLeaders, List<Person> cppccLeaders, long version) {

        public boolean leads(Long userId) {
            return leadLeaders.stream().anyMatch(p -> p.userId().equals(userId));
        }

        public boolean supervises(Long userId) {
            return supervisors.stream().anyMatch(p -> p.userId().equals(userId));
        }
    }

    /** A chair's meeting's yearly decision on key proposals. */
    public record DecisionRow(Long id, int year, LocalDate meetingDate, List<CaseRef> cases, String reasons,
                              String createdBy, Instant createdAt) {
    }

    /** A case the office may compile into a bulletin or choose as key. */
    public record CaseChoice(Long id, String number, String title, boolean key) {
    }

    public record CaseRef(Long id, String number, String title) {
    }
}
