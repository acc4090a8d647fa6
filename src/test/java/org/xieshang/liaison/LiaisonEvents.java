package org.xieshang.liaison;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/** Collects the liaison module's published events, as another module would receive them. */
@TestComponent
class LiaisonEvents {

    final List<LiaisonContactLogged> contacts = new CopyOnWriteArrayList<>();
    final List<ProposalLeadRaised> leads = new CopyOnWriteArrayList<>();

    @EventListener
    void on(LiaisonContactLogged event) {
        contacts.add(event);
    }

    @EventListener
    void on(ProposalLeadRaised event) {
        leads.add(event);
    }
}
