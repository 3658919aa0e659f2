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
        // Row by row, four at a time: each row's minimum stays in a register and each element is
        // read once for four rows. A fingerprint computes 60 rows over a few hundred elements;
        // this order measured about a fifth faster than element by element.
        int[] sig = new int[seeds.length];
        int i = 0;
        for (; i + 4 <= seeds.length; i += 4) {
            long s0 = seeds[i], s1 = seeds[i + 1], s2 = seeds[i + 2], s3 = seeds[i + 3];
            int m0 = Integer.MAX_VALUE, m1 = Integer.MAX_VALUE, m2 = Integer.MAX_VALUE, m3 = Integer.MAX_VALUE;
            for (int e : elements) {
                long x = e & 0xffffffffL;
                m0 = Math.min(m0, row(x, s0));
                m1 = Math.min(m1, row(x, s1));
                m2 = Math.min(m2, row(x, s2));
                m3 = Math.min(m3, row(x, s3));
            }
            sig[i] = m0;
            sig[i + 1] = m1;
            sig[i + 2] = m2;
            sig[i + 3] = m3;
        }
        for (; i < seeds.length; i++) {
            int m = Integer.MAX_VALUE;
            for (int e : elements) m = Math.min(m, row(e & 0xffffffffL, seeds[i]));
            sig[i] = m;
        }
        return sig;
    }

    /** The hash of element {@code x} under one row's seed: non-negative 31 bits. */
    private static int row(long x, long seed) {
        return (int) (Hashing.mix64(x ^ seed) >>> 33);
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
