/**
 * Chinese analyzers, similarity scoring and index maintenance.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "committee" })
package org.xieshang.search;
