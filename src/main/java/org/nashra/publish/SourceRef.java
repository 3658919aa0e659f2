package org.nashra.publish;

import org.nashra.extract.Role;

/** One outlet's copy of a story, as listed under "also reported by". */
public record SourceRef(String sourceId, String sourceName, String url, String title, Role role) {}
