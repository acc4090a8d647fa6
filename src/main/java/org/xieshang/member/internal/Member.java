package org.xieshang.member.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.xieshang.member.Gender;
import org.xieshang.member.MemberData;
import org.xieshang.member.MemberRole;
import org.xieshang.member.MemberStatus;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/** A committee member (委员). */
@Entity
class Member extends CommitteeScopedEntity {

    @Column(nullable = false, length = 50)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Gender gender;
    @Column(length = 30)
    private String ethnicity;
    private LocalDate birthDate;
    @Column(length = 50)
    private String party;
    @Column(nullable = false)
    private Long sectorId;
    private Long specialCommitteeId;
    @Column(length = 200)
    private String workUnit;
    @Column(length = 200)
    private String title;
    @Column(length = 30)
    private String phone;
    @Column(length = 200)
    private String email;
    @Convert(converter = RolesConverter.class)
    @Column(nullable = false, length = 200)
    private Set<MemberRole> roles = EnumSet.of(MemberRole.MEMBER);
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private MemberStatus status = MemberStatus.ACTIVE;
    @Column(nullable = false)
    private Instant createdAt;

    protected Member() {
    }

    Member(MemberData data) {
        this.createdAt = Instant.now();
        apply(data);
    }

    void apply(MemberData d) {
        this.name = d.name();
        this.gender = d.gender();
        this.ethnicity = d.ethnicity();
        this.birthDate = d.birthDate();
        this.party = d.party();
        this.sectorId = d.sectorId();
        this.specialCommitteeId = d.specialCommitteeId();
        this.workUnit = d.workUnit();
        this.title = d.title();
        this.phone = d.phone();
        this.email = d.email();
        this.roles = d.roles() == null || d.roles().isEmpty() ? EnumSet.of(MemberRole.MEMBER) : EnumSet.copyOf(d.roles());
    }

    MemberData data() {
        return new MemberData(name, gender, ethnicity, birthDate, party, sectorId, specialCommitteeId, workUnit, title,
                phone, email, EnumSet.copyOf(roles));
    }

    void changeStatus(MemberStatus status) {
        this.status = status;
    }

    String getName() {
        return name;
    }

    Long getSectorId() {
        return sectorId;
    }

    Set<MemberRole> getRoles() {
        return roles;
    }

    MemberStatus getStatus() {
        return status;
    }
}
