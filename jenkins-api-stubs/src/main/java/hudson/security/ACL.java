package hudson.security;

public abstract class ACL {
    public ACL() {
    }
}
