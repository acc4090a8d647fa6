/**
 * Documents (DESIGN §9): generic helpers that turn tables of figures into Excel workbooks and
 * build Word documents. Knows nothing of the business modules; they hand it {@link
 * org.xieshang.document.Table}s and text.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.xieshang.document;
