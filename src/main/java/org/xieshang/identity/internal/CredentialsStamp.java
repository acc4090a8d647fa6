package org.xieshang.identity.internal;

import java.io.Serializable;

/**
 * Kept with a signed-in web session (as its authentication's details): the account's
 * credentials version at sign-in. A session whose stamp no longer matches the account ends.
 */
record CredentialsStamp(long version) implements Serializable {
}
