package org.nashra.dedup;

/**
 * MinHash signatures and LSH band keys. With {@code bands} bands of {@code rows} rows, two sets
 * of Jaccard similarity J share at least one band with probability 1 - (1 - J^rows)^bands.
 */
final class MinHash {
    private final long[] seeds;
    private final int bands;
    private final int rows;

    MinHash(int bands, int rows, long seedBase) {
        this.bands = bands;
        this.rows = rows;
        this.seeds = new long[bands * rows];
        long s = seedBase;
        for (int i = 0; i < seeds.length; i++) {
            s = Hashing.mix64(s + 0x9e3779b97f4a7c15L);
            seeds[i] = s;
        }
    }

    int bands() { return bands; }

    int rows() { return rows; }

    /** Signature of a set of 32-bit element hashes; all {@code Integer.MAX_VALUE} for an empty set. */
    int[] signature(int[] elements) {
        int[] sig = new int[seeds.length];
        java.util.Arrays.fill(sig, Integer.MAX_VALUE);
        for (int e : elements) {
            long x = e & 0xffffffffL;
            for (int i = 0; i < seeds.length; i++) {
                int h = (int) (Hashing.mix64(x ^ seeds[i]) >>> 33); // non-negative 31 bits
                if (h < sig[i]) sig[i] = h;
            }
        }
        return sig;
    }

    /** One key per band, tagged with {@code kind} so bands of different signatures never meet. */
    long[] bandKeys(int[] sig, char kind) {
        long[] keys = new long[bands];
        for (int b = 0; b < bands; b++) {
            long h = ((long) kind << 48) ^ ((long) b << 32);
            for (int r = 0; r < rows; r++) {
                h = Hashing.mix64(h * 31 + sig[b * rows + r]);
            }
            keys[b] = h;
        }
        return keys;
    }
}
