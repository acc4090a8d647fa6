package org.xieshang.socialreport.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.bulletin.BulletinCommented;
import org.xieshang.bulletin.BulletinSubject;
import org.xieshang.bulletin.BulletinSubjectSource;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;

/**
 * Adopted reports as subjects of 社情民意专报 bulletins: which ones the signed-in user may compile
 * (adopted ones they see), how they read now, and a leader's comment on such a bulletin recorded
 * on the report itself.
 */
@Component
@Transactional(readOnly = true)
class SocialReportBulletinSubjects implements BulletinSubjectSource {

    static final String TYPE = "SOCIAL_REPORT";
    private static final int SUMMARY_MAX = 500;
    private static final int MAX_CHOICES = 100;

    private final SocialReportRepository reports;
    // looked up when needed: the service issues bulletins, whose module collects the sources when it starts
    private final ObjectProvider<SocialReportService> service;

    SocialReportBulletinSubjects(SocialReportRepository reports, ObjectProvider<SocialReportService> service) {
        this.reports = reports;
        this.service = service;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<SubjectDetails> compilable(Long id) {
        CurrentUser user = CurrentUsers.current().orElse(null);
        if (id == null || user == null || !SocialReportAccess.mayUse(user)) {
            return Optional.empty();
        }
        return reports.findById(id)
                .filter(r -> r.getStatus() == ReportStatus.ADOPTED && SocialReportAccess.visible(user, r))
                .map(SocialReportBulletinSubjects::details);
    }

    @Override
    public List<SubjectDetails> details(List<Long> ids) {
        List<SubjectDetails> found = new ArrayList<>();
        reports.findAllById(ids).forEach(r -> found.add(details(r)));
        return found;
    }

    @Override
    public String href(Long id, CurrentUser user) {
        if (user == null || !SocialReportAccess.mayUse(user)) {
            return null;
        }
        return reports.findById(id).filter(r -> SocialReportAccess.visible(user, r))
                .map(r -> "/social-reports/" + r.getId()).orElse(null);
    }

    /**
     * Adopted reports the user sees, newest first. The office's bulletin form only offers the
     * proposal source's choices (its kinds are compiled from proposals), so these do not show up
     * there; they are what a caller compiling a 专报 by hand could choose from.
     */
    @Override
    public List<SubjectChoice> choices() {
        CurrentUser user = CurrentUsers.current().orElse(null);
        if (user == null || !SocialReportAccess.mayUse(user)) {
            return List.of();
        }
        boolean all = SocialReportAccess.seesAll(user);
        Long own = user.memberId() == null ? -1L : user.memberId();
        return reports.list(all, own, SocialReportAccess.seesAdopted(user), ReportStatus.ADOPTED, null, null, null,
                        java.time.LocalDate.of(1900, 1, 1), java.time.LocalDate.of(9999, 12, 31),
                        PageRequest.of(0, MAX_CHOICES)).getContent().stream()
                .map(r -> new SubjectChoice(r.getId(), null, r.currentTitle(), false)).toList();
    }

    /**
     * A leader's comment (批示) on a bulletin about reports is also a comment on each report, and
     * the author is told. Synchronous, in the commenting transaction, so both are committed together
     * (as the proposal module records it in the case history).
     */
    @EventListener
    @Transactional
    void on(BulletinCommented commented) {
        commented.subjects().stream().filter(s -> TYPE.equals(s.type())).map(BulletinSubject::id).distinct()
                .forEach(id -> service.getObject().recordLeaderComment(id, commented.authorUserId(), commented.author(),
                        commented.content(), commented.number()));
    }

    private static SubjectDetails details(SocialReport r) {
        String text = r.currentContent();
        String summary = text == null || text.length() <= SUMMARY_MAX ? text : text.substring(0, SUMMARY_MAX - 1) + "…";
        return new SubjectDetails(r.getId(), null, r.currentTitle(), summary, null);
    }
}
