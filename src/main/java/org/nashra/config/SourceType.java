package org.nashra.config;

/** What a source's URL serves. {@code AUTO} lets extraction sniff the body. */
public enum SourceType { RSS, ATOM, JSON, HTML, AUTO }
