package org.xieshang.shared.web;

import java.util.List;
import org.xieshang.shared.CurrentUser;

/**
 * Each module tells the home page what waits for the signed-in user (cases to review, bulletins to
 * read, ratings to give), so that everyone starts the day from their own to-do list.
 */
public interface TodoContributor {

    /** Something waiting: a message key taking the count as {0}, how many, and the page to do it on. */
    record Todo(String labelKey, long count, String href, int order) {
    }

    /** What waits for this user; entries with nothing waiting may be left out. */
    List<Todo> todos(CurrentUser user);
}
