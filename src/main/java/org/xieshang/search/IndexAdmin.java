package org.xieshang.search;

/** Rebuilding the current committee's search index (committee office). */
public interface IndexAdmin {

    /** Documents indexed so far of the total; done when finished; the error, if it failed. */
    record Progress(long indexed, long total, boolean done, String error) {
    }

    Progress startRebuild();

    Progress progress();
}
