package org.xieshang.bulletin;

/**
 * What a bulletin is about, as the bulletin keeps it: the subject's type (the owning module's
 * {@link BulletinSubjectSource#type()}), its id there, and its title when it was compiled.
 */
public record BulletinSubject(String type, Long id, String title) {

    /** The type the proposal module registers: a proposal (case). */
    public static final String PROPOSAL = "PROPOSAL";

    public BulletinSubject {
        if (type == null || type.isBlank() || id == null) {
            throw new IllegalArgumentException("a subject needs a type and an id");
        }
        title = title == null ? "" : title;
    }

    public static BulletinSubject proposal(Long id) {
        return new BulletinSubject(PROPOSAL, id, "");
    }
}
