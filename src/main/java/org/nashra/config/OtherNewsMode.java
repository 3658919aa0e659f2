package org.nashra.config;

/** How a published feed shows items that came from "other news" blocks. */
public enum OtherNewsMode { DIGEST, SEPARATE, INLINE, DROP }
