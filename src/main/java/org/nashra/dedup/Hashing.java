package org.nashra.dedup;

/** Stable 64-bit hashes: fingerprints are stored, so they must not depend on the JVM. */
final class Hashing {
    private Hashing() {}

    /** FNV-1a over UTF-16 code units, finished with the MurmurHash3 mixer. */
    static long hash64(CharSequence s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix64(h);
    }

    static int hash32(CharSequence s) {
        long h = hash64(s);
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
