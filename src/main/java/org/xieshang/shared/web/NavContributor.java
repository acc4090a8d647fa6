package org.xieshang.shared.web;

import java.util.List;
import org.xieshang.shared.CurrentUser;

/** Each module offers the navigation entries a user may use; the layout collects them. */
public interface NavContributor {

    List<NavItem> items(CurrentUser user);
}
