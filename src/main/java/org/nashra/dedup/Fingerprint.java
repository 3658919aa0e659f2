package org.nashra.dedup;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What matching needs to know about one item, without its text.
 *
 * <p>Arrays are copied in and out (records compare arrays by reference, so this is a class).
 *
 * @see Fingerprinter
 */
public final class Fingerprint {
    private final int[] shingles;
    private final int[] titleTokens;
    private final List<String> numbers;
    private final boolean titleOnly;
    private final long urlHash;
    private final long bodyHash;
    private final long titleHash;
    private final int[] words;
    private final long[] storeKeys;
    private final long[] lookupKeys;

    /**
     * @param shingles    sorted distinct hashes of the word bigrams of title and lead
     * @param titleTokens sorted distinct hashes of the title's content words
     * @param numbers     sorted distinct numbers (and weekday names) of title and lead
     * @param titleOnly   the body is too short to compare: matching goes by the title
     * @param urlHash     hash of the canonical URL, 0 for an "other news" item without a URL of its own
     * @param bodyHash    hash of the whole body key, 0 when the body is too short to trust
     * @param titleHash   hash of the title key, 0 when the title is empty
     * @param storeKeys   keys under which the index files this item
     * @param lookupKeys  keys the index looks up for this item
     */
    public Fingerprint(int[] shingles, int[] titleTokens, List<String> numbers, boolean titleOnly,
                       long urlHash, long bodyHash, long titleHash, long[] storeKeys, long[] lookupKeys) {
        this(shingles, titleTokens, new int[0], numbers, titleOnly, urlHash, bodyHash, titleHash, storeKeys, lookupKeys);
    }

    /**
     * @param words sorted distinct hashes of the longer content words of title and lead (empty for
     *              fingerprints stored before they were kept: the rewrite rule then does not apply)
     */
    public Fingerprint(int[] shingles, int[] titleTokens, int[] words, List<String> numbers, boolean titleOnly,
                       long urlHash, long bodyHash, long titleHash, long[] storeKeys, long[] lookupKeys) {
        this.words = words == null ? new int[0] : words.clone();
        this.shingles = shingles.clone();
        this.titleTokens = titleTokens.clone();
        this.numbers = List.copyOf(numbers);
        this.titleOnly = titleOnly;
        this.urlHash = urlHash;
        this.bodyHash = bodyHash;
        this.titleHash = titleHash;
        this.storeKeys = storeKeys == null ? new long[0] : storeKeys.clone();
        this.lookupKeys = lookupKeys == null ? new long[0] : lookupKeys.clone();
    }

    /** A fingerprint read back from storage: keys are not needed to verify a candidate. */
    public static Fingerprint stored(int[] shingles, int[] titleTokens, List<String> numbers, boolean titleOnly,
                                     long urlHash, long bodyHash, long titleHash) {
        return new Fingerprint(shingles, titleTokens, numbers, titleOnly, urlHash, bodyHash, titleHash, null, null);
    }

    /** A fingerprint read back from storage, with its content words. */
    public static Fingerprint stored(int[] shingles, int[] titleTokens, int[] words, List<String> numbers, boolean titleOnly,
                                     long urlHash, long bodyHash, long titleHash) {
        return new Fingerprint(shingles, titleTokens, words, numbers, titleOnly, urlHash, bodyHash, titleHash, null, null);
    }

    public int[] shingles() { return shingles.clone(); }
    public int[] titleTokens() { return titleTokens.clone(); }
    public int[] words() { return words.clone(); }
    public List<String> numbers() { return numbers; }
    public boolean titleOnly() { return titleOnly; }
    public long urlHash() { return urlHash; }
    public long bodyHash() { return bodyHash; }
    public long titleHash() { return titleHash; }
    public long[] storeKeys() { return storeKeys.clone(); }
    public long[] lookupKeys() { return lookupKeys.clone(); }

    int shingleCount() { return shingles.length; }
    int[] shinglesView() { return shingles; }
    int[] titleTokensView() { return titleTokens; }
    int[] wordsView() { return words; }

    /** Sorted ints as big-endian bytes, for storage. */
    public static byte[] encode(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4);
        for (int v : values) b.putInt(v);
        return b.array();
    }

    public static int[] decode(byte[] bytes) {
        if (bytes == null) return new int[0];
        if (bytes.length % 4 != 0) throw new IllegalArgumentException("fingerprint bytes not a multiple of 4: " + bytes.length);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int[] out = new int[bytes.length / 4];
        for (int i = 0; i < out.length; i++) out[i] = b.getInt();
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Fingerprint f)) return false;
        return titleOnly == f.titleOnly && urlHash == f.urlHash && bodyHash == f.bodyHash && titleHash == f.titleHash
                && Arrays.equals(shingles, f.shingles) && Arrays.equals(titleTokens, f.titleTokens)
                && Arrays.equals(words, f.words)
                && numbers.equals(f.numbers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(shingles), Arrays.hashCode(titleTokens), numbers, titleOnly, urlHash, bodyHash);
    }

    @Override
    public String toString() {
        return "Fingerprint[shingles=" + shingles.length + ", titleTokens=" + titleTokens.length + ", words=" + words.length + ", numbers=" + numbers
                + ", titleOnly=" + titleOnly + "]";
    }
}
