package org.xieshang.socialreport.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.committee.ReferenceData;
import org.xieshang.document.Spreadsheets;
import org.xieshang.document.Table;
import org.xieshang.member.MemberDirectory;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.i18n.Messages;
import org.xieshang.socialreport.AdoptionLevel;

/**
 * Yearly figures: per member and per sector (the author's sector when the report came in), how
 * many reports were submitted, adopted (by level), refused and are still pending; with an .xlsx
 * export. For the office, ADMIN and CPPCC leaders.
 */
@Service
@Transactional(readOnly = true)
public class SocialReportFigures {

    public record Counts(long submitted, long adopted, long notAdopted, long pending, Map<AdoptionLevel, Long> adoptedByLevel) {
    }

    public record MemberRow(Long memberId, String name, Long sectorId, String sector, Counts counts) {
    }

    public record SectorRow(Long sectorId, String sector, long members, Counts counts) {
    }

    public record Figures(int year, Counts total, List<MemberRow> byMember, List<SectorRow> bySector) {
    }

    private final SocialReportService service;
    private final MemberDirectory members;
    private final ReferenceData reference;
    private final Messages messages;

    SocialReportFigures(SocialReportService service, MemberDirectory members, ReferenceData reference, Messages messages) {
        this.service = service;
        this.members = members;
        this.reference = reference;
        this.messages = messages;
    }

    public Figures figures(Integer year) {
        CurrentUsers.requireAny(Role.ADMIN, Role.PROPOSAL_STAFF, Role.LEADER_CPPCC);
        int y = year == null ? service.today().getYear() : year;
        if (y < 1900 || y > 9999) {
            throw InvalidInput.field("year", "validation.range", "1900", "9999");
        }
        List<SocialReport> reports = service.submittedBetween(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
        Map<Long, Tally> byMember = new LinkedHashMap<>();
        Map<Long, Tally> bySector = new HashMap<>();
        Map<Long, java.util.Set<Long>> sectorMembers = new HashMap<>();
        Map<Long, Long> sectorOfMember = new HashMap<>();
        Tally total = new Tally();
        for (SocialReport r : reports) {
            total.add(r);
            byMember.computeIfAbsent(r.getAuthorMemberId(), k -> new Tally()).add(r);
            sectorOfMember.putIfAbsent(r.getAuthorMemberId(), r.getAuthorSectorId());
            Long sector = r.getAuthorSectorId() == null ? -1L : r.getAuthorSectorId();
            bySector.computeIfAbsent(sector, k -> new Tally()).add(r);
            sectorMembers.computeIfAbsent(sector, k -> new java.util.HashSet<>()).add(r.getAuthorMemberId());
        }
        Map<Long, String> names = members.names(byMember.keySet());
        Map<Long, String> sectors = new HashMap<>();
        reference.sectors().forEach(s -> sectors.put(s.id(), s.name()));
        List<MemberRow> memberRows = new ArrayList<>();
        byMember.forEach((id, t) -> {
            Long sector = sectorOfMember.get(id);
            memberRows.add(new MemberRow(id, names.get(id), sector, sector == null ? null : sectors.get(sector), t.counts()));
        });
        memberRows.sort(Comparator.comparingLong((MemberRow m) -> -m.counts().adopted())
                .thenComparingLong(m -> -m.counts().submitted()).thenComparing(MemberRow::memberId));
        List<SectorRow> sectorRows = new ArrayList<>();
        bySector.forEach((id, t) -> sectorRows.add(new SectorRow(id < 0 ? null : id, id < 0 ? null : sectors.get(id),
                sectorMembers.get(id).size(), t.counts())));
        sectorRows.sort(Comparator.comparingLong((SectorRow s) -> -s.counts().submitted())
                .thenComparing(s -> s.sector() == null ? "" : s.sector()));
        return new Figures(y, total.counts(), memberRows, sectorRows);
    }

    /** The figures as a workbook: a sheet per member and one per sector. */
    public byte[] export(Integer year) {
        Figures f = figures(year);
        List<Table.Column> counts = new ArrayList<>();
        counts.add(new Table.Column(t("socialreport.figures.submitted"), Table.Kind.COUNT));
        counts.add(new Table.Column(t("socialreport.figures.adopted"), Table.Kind.COUNT));
        for (AdoptionLevel l : AdoptionLevel.values()) {
            counts.add(new Table.Column(t("enum.AdoptionLevel." + l.name()), Table.Kind.COUNT));
        }
        counts.add(new Table.Column(t("socialreport.figures.notAdopted"), Table.Kind.COUNT));
        counts.add(new Table.Column(t("socialreport.figures.pending"), Table.Kind.COUNT));

        List<Table.Column> memberColumns = new ArrayList<>();
        memberColumns.add(new Table.Column(t("socialreport.figures.member"), Table.Kind.TEXT));
        memberColumns.add(new Table.Column(t("socialreport.figures.sector"), Table.Kind.TEXT));
        memberColumns.addAll(counts);
        List<List<Object>> memberRows = new ArrayList<>();
        for (MemberRow m : f.byMember()) {
            List<Object> row = new ArrayList<>();
            row.add(m.name());
            row.add(m.sector());
            row.addAll(cells(m.counts()));
            memberRows.add(row);
        }
        List<Table.Column> sectorColumns = new ArrayList<>();
        sectorColumns.add(new Table.Column(t("socialreport.figures.sector"), Table.Kind.TEXT));
        sectorColumns.add(new Table.Column(t("socialreport.figures.members"), Table.Kind.COUNT));
        sectorColumns.addAll(counts);
        List<List<Object>> sectorRows = new ArrayList<>();
        for (SectorRow s : f.bySector()) {
            List<Object> row = new ArrayList<>();
            row.add(s.sector());
            row.add(s.members());
            row.addAll(cells(s.counts()));
            sectorRows.add(row);
        }
        return Spreadsheets.workbook(List.of(
                new Table("members", t("socialreport.figures.byMember", String.valueOf(f.year())), memberColumns, memberRows),
                new Table("sectors", t("socialreport.figures.bySector", String.valueOf(f.year())), sectorColumns, sectorRows)));
    }

    private static List<Object> cells(Counts c) {
        List<Object> cells = new ArrayList<>();
        cells.add(c.submitted());
        cells.add(c.adopted());
        for (AdoptionLevel l : AdoptionLevel.values()) {
            cells.add(c.adoptedByLevel().getOrDefault(l, 0L));
        }
        cells.add(c.notAdopted());
        cells.add(c.pending());
        return cells;
    }

    private String t(String key, Object... args) {
        return messages.get(key, args);
    }

    private static final class Tally {
        long submitted;
        long adopted;
        long notAdopted;
        long pending;
        final Map<AdoptionLevel, Long> levels = new EnumMap<>(AdoptionLevel.class);

        void add(SocialReport r) {
            submitted++;
            switch (r.getStatus()) {
                case ADOPTED -> {
                    adopted++;
                    levels.merge(r.getLevel(), 1L, Long::sum);
                }
                case NOT_ADOPTED -> notAdopted++;
                case SUBMITTED -> pending++;
            }
        }

        Counts counts() {
            Map<AdoptionLevel, Long> all = new EnumMap<>(AdoptionLevel.class);
            for (AdoptionLevel l : AdoptionLevel.values()) {
                all.put(l, levels.getOrDefault(l, 0L));
            }
            return new Counts(submitted, adopted, notAdopted, pending, all);
        }
    }
}
