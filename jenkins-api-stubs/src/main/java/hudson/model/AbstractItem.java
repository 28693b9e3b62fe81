package hudson.model;

import hudson.security.ACL;
import hudson.security.AccessControlled;

public abstract class AbstractItem extends Actionable implements Item, AccessControlled {
    protected AbstractItem(ItemGroup parent, String name) {
    }

    public final String getFullName() {
        throw new UnsupportedOperationException();
    }

    public final String getUrl() {
        throw new UnsupportedOperationException();
    }

    public final String getFullDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException();
    }
}
