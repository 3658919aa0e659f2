package org.nashra.dedup;

/** Stable 64-bit hashes: fingerprints are stored, so they must not depend on the JVM. */
final class Hashing {
    private Hashing() {}

    /** FNV-1a's state before any input. */
    static final long FNV_START = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** FNV-1a over UTF-16 code units, finished with the MurmurHash3 mixer. */
    static long hash64(CharSequence s) {
        return mix64(fnv(FNV_START, s));
    }

    static int hash32(CharSequence s) {
        return fold32(hash64(s));
    }

    /**
     * FNV-1a state {@code h} fed the code units of {@code s}, unmixed. FNV-1a reads its input
     * one unit at a time, so {@code hash64(a + b) == mix64(fnv(fnv(FNV_START, a), b))}: a hash
     * of joined strings without joining them.
     */
    static long fnv(long h, CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= FNV_PRIME;
        }
        return h;
    }

    /** FNV-1a state {@code h} fed one code unit. */
    static long fnv(long h, char c) {
        return (h ^ c) * FNV_PRIME;
    }

    /** The 32-bit hash of a 64-bit one, as {@link #hash32} folds it. */
    static int fold32(long h) {
        return (int) (h ^ (h >>> 32));
    }

    /** MurmurHash3 fmix64. */
    static long mix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    static String hex(long v) {
        return String.format(java.util.Locale.ROOT, "%016x", v);
    }
}
