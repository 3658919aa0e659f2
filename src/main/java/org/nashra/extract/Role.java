package org.nashra.extract;

/** Whether an item is a page's own article or came from its "other news" block. */
public enum Role {
    MAIN, OTHER;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
