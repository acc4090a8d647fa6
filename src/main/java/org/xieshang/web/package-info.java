/**
 * Sign-in page and home page (the to-do list from every module).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "committee", "member" })
package org.xieshang.web;
