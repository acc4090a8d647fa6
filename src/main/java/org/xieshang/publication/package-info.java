/**
 * Publication (公开): the public pages and public API, readable without signing in — today the
 * published proposals with their approved replies (DESIGN §6 "Public"), later published evaluation
 * results. Reads only through other modules' public APIs ({@link org.xieshang.proposal.PublishedProposals});
 * it owns no tables. The committee of a request comes from its {@code committee} parameter.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "committee", "proposal" })
package org.xieshang.publication;
