package org.nashra.config;

/**
 * CSS selectors for an HTML listing page. Each selector may end in {@code @attr} to read an
 * attribute instead of text (for example {@code time@datetime}). Null means "not configured".
 */
public record ListingRules(String item, String link, String title, String date, String image) {}
