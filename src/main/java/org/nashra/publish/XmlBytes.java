package org.nashra.publish;

import org.jdom2.Document;
import org.jdom2.output.Format;
import org.jdom2.output.LineSeparator;
import org.jdom2.output.XMLOutputter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Serializes JDOM documents the same way every time: UTF-8, two-space indent, LF. */
final class XmlBytes {
    private XmlBytes() {}

    static byte[] of(Document doc) {
        Format format = Format.getPrettyFormat()
                .setEncoding("UTF-8")
                .setIndent("  ")
                .setLineSeparator(LineSeparator.UNIX);
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            new XMLOutputter(format).output(doc, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing XML to memory", e);
        }
        return out.toByteArray();
    }
}
