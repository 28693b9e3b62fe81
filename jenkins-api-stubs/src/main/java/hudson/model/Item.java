package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

public interface Item extends AccessControlled {
    Permission READ = null;

    Permission CONFIGURE = null;
}
