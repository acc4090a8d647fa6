package org.xieshang.keywork;

import org.xieshang.proposal.DemoProposals;

/**
 * The demo committee's key work: the case in progress becomes key with its leaders, a CPPCC
 * leader records a supervision visit, and the office sends both cases to the leaders as a bulletin.
 */
public interface DemoKeyWork {

    void load(DemoProposals.Cast cast, DemoProposals.Played cases);
}
