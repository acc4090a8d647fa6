/**
 * The in-app inbox and notification e-mail. API: {@link org.xieshang.notification.Notifications}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "committee", "identity" })
package org.xieshang.notification;
