package org.xieshang.proposal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;

/**
 * What the public may read of the proposals (DESIGN §6 "Public"): the cases staff published, never
 * a confidential or merged one, with the approved reply only. Only the text of the proposal, who
 * proposed it, the handling units and the reply — no contact data, handling records, ratings,
 * attachments or history. Runs for the committee of the current {@code CommitteeContext}.
 */
public interface PublishedProposals {

    /** The published cases, newest session first and by number; with {@code q}, Chinese full-text search, best first. */
    Page<PublicSummary> list(String q, Integer page, Integer size);

    /** One published case; empty when unknown, not published, confidential or merged. */
    Optional<PublicCase> find(long id);

    /** Where a published case stands, as the public is told. */
    enum PublicStage {
        HANDLING, REPLIED, REHANDLING, CLOSED;

        public static PublicStage of(ProposalStatus s) {
            return switch (s) {
                case REPLIED -> REPLIED;
                case REHANDLING -> REHANDLING;
                case CLOSED -> CLOSED;
                default -> HANDLING;
            };
        }
    }

    record PublicSummary(Long id, String number, String title, String category, Integer year, String leadUnit,
                         PublicStage stage, String replyCategory, LocalDate repliedOn, String snippet) {
    }

    record PublicCase(Long id, String number, String title, String category, String session, Integer year,
                      String proposerKind, List<String> proposers, String background, String suggestions,
                      String leadUnit, List<String> coUnits, PublicStage stage, String replyCategory,
                      String replyContent, LocalDate repliedOn, LocalDate closedOn) {
    }
}
