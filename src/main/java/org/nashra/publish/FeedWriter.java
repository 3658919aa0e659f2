package org.nashra.publish;

/** Writes a feed document as Atom 1.0, RSS 2.0 or JSON Feed 1.1 bytes (UTF-8). STUB. */
public final class FeedWriter {

    public byte[] write(FeedDocument doc, FeedFormat format) {
        throw new UnsupportedOperationException("FeedWriter not implemented yet");
    }
}
