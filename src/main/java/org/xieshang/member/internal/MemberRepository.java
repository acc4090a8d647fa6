package org.xieshang.member.internal;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.xieshang.member.MemberStatus;

interface MemberRepository extends JpaRepository<Member, Long> {

    // :q is cast so that PostgreSQL knows its type when it is null (else it binds it as bytea)
    @Query("""
            select m from Member m
            where (cast(:q as String) is null or m.name like concat('%', cast(:q as String), '%') escape '!'
                   or m.workUnit like concat('%', cast(:q as String), '%') escape '!')
              and (:sectorId is null or m.sectorId = :sectorId)
              and (:status is null or m.status = :status)
            """)
    Page<Member> search(@Param("q") String q, @Param("sectorId") Long sectorId, @Param("status") MemberStatus status,
                        Pageable pageable);

    @Query("""
            select m from Member m
            where m.id in :ids
              and (cast(:q as String) is null or m.name like concat('%', cast(:q as String), '%') escape '!'
                   or m.workUnit like concat('%', cast(:q as String), '%') escape '!')
              and (:sectorId is null or m.sectorId = :sectorId)
              and (:status is null or m.status = :status)
            """)
    Page<Member> searchAmong(@Param("q") String q, @Param("sectorId") Long sectorId, @Param("status") MemberStatus status,
                             @Param("ids") java.util.Collection<Long> ids, Pageable pageable);

    @Query("select m.status, count(m) from Member m group by m.status")
    List<Object[]> countByStatus();

    List<Member> findAllByOrderByIdAsc();

    boolean existsByNameAndPhone(String name, String phone);
}
