package org.xieshang.shared.web;

/** The unread notifications of the current user, shown in the page header. */
public interface UnreadCounter {

    long unreadOfCurrentUser();
}
