/**
 * The text stage: Arabic text as outlets write it, made comparable. Entry point:
 * {@link org.nashra.text.ItemNormalizer#normalize}. Building blocks others may call:
 * {@link org.nashra.text.ArabicText} (display form, matching key, tokens, search tokens),
 * {@link org.nashra.text.MatchingKey} (the key with options), {@link org.nashra.text.DateParser},
 * {@link org.nashra.text.UrlCanonicalizer}, {@link org.nashra.text.Agencies}.
 *
 * <p>Display text and matching keys are different functions: display keeps every letter and
 * diacritic the outlet wrote; the key folds spelling variants. Nothing here depends on the JVM's
 * default locale or clock: time comes in as an {@code Instant}, case folding uses the Unicode
 * default mapping.
 */
package org.nashra.text;
