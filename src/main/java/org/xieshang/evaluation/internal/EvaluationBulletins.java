package org.xieshang.evaluation.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.bulletin.BulletinIssuer;
import org.xieshang.bulletin.BulletinKind;
import org.xieshang.bulletin.BulletinSubject;
import org.xieshang.bulletin.BulletinSubjectSource;
import org.xieshang.document.Table;
import org.xieshang.document.WordDocument;
import org.xieshang.evaluation.internal.EvaluationService.DimensionForm;
import org.xieshang.evaluation.internal.EvaluationService.RankedUnit;
import org.xieshang.evaluation.internal.EvaluationService.Results;
import org.xieshang.identity.UserAccounts;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.i18n.Messages;

/**
 * Publishing an evaluation: the results become public, the committee's leaders receive a 政协简讯
 * bulletin about it (as a social-conditions report goes to them as a 专报), and the announcement
 * (通报) is available as .docx. Published evaluations are also the subjects such bulletins are about.
 */
@Component
@Transactional(readOnly = true)
class EvaluationBulletins implements BulletinSubjectSource {

    static final String TYPE = "EVALUATION";

    private final UnitEvaluationRepository evaluations;
    private final EvaluationUnitRepository units;
    private final org.springframework.beans.factory.ObjectProvider<BulletinIssuer> bulletins;
    private final org.springframework.beans.factory.ObjectProvider<EvaluationService> service;
    private final UserAccounts users;
    private final Messages messages;

    EvaluationBulletins(UnitEvaluationRepository evaluations, EvaluationUnitRepository units,
                        org.springframework.beans.factory.ObjectProvider<BulletinIssuer> bulletins,
                        org.springframework.beans.factory.ObjectProvider<EvaluationService> service, UserAccounts users,
                        Messages messages) {
        this.evaluations = evaluations;
        this.units = units;
        this.bulletins = bulletins;
        this.service = service;
        this.users = users;
        this.messages = messages;
    }

    /** Publishes (ADMIN) and sends the bulletin in the same transaction: a refused bulletin refuses both. */
    @Transactional
    public UnitEvaluation publish(Long evaluationId) {
        UnitEvaluation e = service.getObject().publish(evaluationId);
        Set<Long> leaders = new LinkedHashSet<>(users.userIdsWithRole(Role.LEADER_CPPCC));
        leaders.addAll(users.userIdsWithRole(Role.LEADER_GOV));
        if (!leaders.isEmpty()) {
            Results r = service.getObject().computeResults(e);
            String title = messages.get(java.util.Locale.SIMPLIFIED_CHINESE, "evaluation.bulletin.title", e.getYear());
            var issued = bulletins.getObject().issue(BulletinKind.BRIEF, title, text(r),
                    List.of(new BulletinSubject(TYPE, e.getId(), title)), List.copyOf(leaders));
            e.bulletin(issued.id());
        }
        return e;
    }

    private String text(Results r) {
        StringBuilder b = new StringBuilder(messages.get(java.util.Locale.SIMPLIFIED_CHINESE, "evaluation.bulletin.intro", r.year()));
        for (RankedUnit u : r.ranking()) {
            b.append('\n').append(u.rank() == null ? "—" : u.rank()).append(". ").append(u.unitName()).append(' ')
                    .append(u.score() == null ? "—" : u.score().toPlainString())
                    .append(u.topTen() ? " " + messages.get(java.util.Locale.SIMPLIFIED_CHINESE, "evaluation.topTen") : "");
        }
        return b.toString();
    }

    /** The announcement (通报) as .docx: ADMIN and leaders; anyone once published. */
    byte[] announcement(Long evaluationId, java.util.Locale locale) {
        Results r = service.getObject().results(evaluationId);
        List<Table.Column> columns = new ArrayList<>();
        columns.add(new Table.Column(messages.get(locale, "evaluation.results.rank"), Table.Kind.TEXT));
        columns.add(new Table.Column(messages.get(locale, "evaluation.results.unit"), Table.Kind.TEXT));
        columns.add(new Table.Column(messages.get(locale, "evaluation.results.score"), Table.Kind.TEXT));
        for (DimensionForm d : r.dimensions()) {
            columns.add(new Table.Column(d.name(), Table.Kind.TEXT));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (RankedUnit u : r.ranking()) {
            List<Object> row = new ArrayList<>();
            row.add(u.rank() == null ? "—" : String.valueOf(u.rank()));
            row.add(u.unitName() + (u.topTen() ? "（" + messages.get(locale, "evaluation.topTen") + "）" : ""));
            row.add(plain(u.score()));
            for (DimensionForm d : r.dimensions()) {
                row.add(plain(u.dimensionScores().get(d.code())));
            }
            rows.add(row);
        }
        WordDocument doc = new WordDocument().title(messages.get(locale, "evaluation.announcement.title", r.year()))
                .paragraph(messages.get(locale, "evaluation.announcement.intro", r.year(), r.ranking().size()));
        r.ranking().stream().filter(RankedUnit::topTen).forEach(u ->
                doc.paragraph(messages.get(locale, "evaluation.announcement.first", u.unitName())));
        return doc.table(new Table("results", messages.get(locale, "evaluation.results.title"), columns, rows)).bytes();
    }

    private static String plain(BigDecimal v) {
        return v == null ? "—" : v.toPlainString();
    }

    // --- bulletin subjects ---

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<SubjectDetails> compilable(Long id) {
        CurrentUser user = CurrentUsers.current().orElse(null);
        if (id == null || user == null || !user.hasAny(Role.ADMIN, Role.PROPOSAL_STAFF)) {
            return Optional.empty();
        }
        return evaluations.findById(id).filter(UnitEvaluation::isPublished).map(this::details);
    }

    @Override
    public List<SubjectDetails> details(List<Long> ids) {
        List<SubjectDetails> out = new ArrayList<>();
        evaluations.findAllById(ids).forEach(e -> out.add(details(e)));
        return out;
    }

    @Override
    public String href(Long id, CurrentUser user) {
        return evaluations.findById(id).map(e -> EvaluationService.seesUnpublished(user) ? "/evaluations/" + id
                : e.isPublished() ? "/public/evaluations/" + id : null).orElse(null);
    }

    @Override
    public List<SubjectChoice> choices() {
        return List.of();
    }

    private SubjectDetails details(UnitEvaluation e) {
        String title = messages.get(java.util.Locale.SIMPLIFIED_CHINESE, "evaluation.bulletin.title", e.getYear());
        String summary = String.join("、", units.findByEvaluationIdOrderByIdAsc(e.getId()).stream()
                .map(EvaluationUnit::getUnitName).toList());
        return new SubjectDetails(e.getId(), null, title, summary, null);
    }
}
