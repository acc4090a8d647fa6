/**
 * Bulletins (简讯阅批, DESIGN §6): bulletins of any subject — proposals today, social-conditions
 * reports (社情民意专报) and evaluation results next — numbered per kind and year, sent to chosen
 * leaders who read them (read receipts) and comment on them (批示); each comment becomes a follow-up
 * of the units concerned until the office marks it done.
 * <p>
 * A bulletin refers to its subjects through a {@link org.xieshang.bulletin.BulletinSubject} (type,
 * id, title), never through another module's tables. The modules that own subjects implement
 * {@link org.xieshang.bulletin.BulletinSubjectSource} (who may compile a subject, its current
 * number and title, its lead unit) and listen to {@link org.xieshang.bulletin.BulletinCommented}.
 * Public API: {@link org.xieshang.bulletin.BulletinIssuer}, {@link org.xieshang.bulletin.BulletinKind}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "committee", "notification"})
package org.xieshang.bulletin;
