/**
 * Activities with attendance (活动载体 / 履职平台, DESIGN §8, issue 11): plenary sessions, standing
 * committee meetings, inspections, research, consultations, study, member studios. The office
 * plans them and invites members one by one or by group; members ask for leave and check in with a
 * rotating signed QR code; after the end a persistent task closes attendance (absent = invited with
 * neither check-in nor approved leave); speeches are recorded. Public API: {@link
 * org.xieshang.activity.Activities}, {@link org.xieshang.activity.DemoActivities} and the events
 * {@link org.xieshang.activity.AttendanceChanged} and {@link org.xieshang.activity.SpeechRecorded}
 * for the future duty record.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "member", "notification", "committee"})
package org.xieshang.activity;
