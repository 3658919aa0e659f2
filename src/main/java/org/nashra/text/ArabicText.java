package org.nashra.text;

import java.util.List;

/**
 * Arabic text in two forms: the display form keeps what the outlet wrote, the matching key folds
 * spelling variants so that copies of one text compare equal. These static methods use
 * {@link MatchingKey#DEFAULT}; build a {@link MatchingKey} for other options.
 */
public final class ArabicText {
    private ArabicText() {}

    /**
     * Display form: presentation forms (ﻻ, ﷲ...) folded to letters, then NFC; bidi controls,
     * zero-width characters without effect and control characters dropped; every space
     * (NBSP, thin space...) becomes one space; whitespace collapsed, paragraph breaks kept as a
     * single "\n". Letters and diacritics are kept as written.
     */
    public static String display(String s) {
        return DisplayCleaner.clean(s);
    }

    /** Spelling-insensitive form for matching: one line of space-separated tokens. */
    public static String matchingKey(String s) {
        return MatchingKey.DEFAULT.key(s);
    }

    /** Matching-key tokens. */
    public static List<String> tokens(String s) {
        return MatchingKey.DEFAULT.tokens(s);
    }

    /** Matching-key tokens minus Arabic stopwords, light-stemmed: for search. */
    public static List<String> searchTokens(String s) {
        return MatchingKey.DEFAULT.searchTokens(s);
    }
}
