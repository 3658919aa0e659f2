package org.nashra.fetch;

import java.util.Arrays;
import java.util.HexFormat;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Response bytes; wrapped because records compare arrays by reference. */
public final class Body {
    private final byte[] bytes;

    public Body(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** SHA-256 of the bytes, hex: lets a source skip a body that did not change. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }

    @Override public boolean equals(Object o) {
        return o instanceof Body b && Arrays.equals(bytes, b.bytes);
    }

    @Override public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override public String toString() {
        return "Body[" + bytes.length + " bytes]";
    }
}
