package org.nashra.fetch;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 in which a byte that does not start or continue a valid sequence is read as windows-1256.
 * A UTF-8 feed that splices in one item from a legacy system (a CMS field, a pasted wire) is mostly
 * valid UTF-8: decoding all of it as windows-1256 would garble every other item, decoding all of it
 * as UTF-8 would turn that item into replacement characters. Decode only; it has no encoder.
 */
final class Utf8OrWindows1256 extends Charset {
    static final Utf8OrWindows1256 INSTANCE = new Utf8OrWindows1256();

    /** windows-1256 for 0x80-0xFF. */
    private static final char[] HIGH = new String(highBytes(), Charset.forName("windows-1256")).toCharArray();

    private Utf8OrWindows1256() {
        super("x-utf-8-or-windows-1256", null);
    }

    private static byte[] highBytes() {
        byte[] b = new byte[128];
        for (int i = 0; i < 128; i++) b[i] = (byte) (0x80 + i);
        return b;
    }

    @Override
    public boolean contains(Charset cs) {
        return cs.equals(this) || cs.equals(StandardCharsets.UTF_8) || cs.equals(StandardCharsets.US_ASCII);
    }

    @Override
    public boolean canEncode() {
        return false;
    }

    @Override
    public CharsetEncoder newEncoder() {
        throw new UnsupportedOperationException(name() + " only decodes");
    }

    @Override
    public CharsetDecoder newDecoder() {
        return new CharsetDecoder(this, 1f, 2f) {
            @Override
            protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
                while (in.hasRemaining()) {
                    int p = in.position();
                    int b = in.get(p) & 0xFF;
                    int len = sequenceLength(b);
                    // the whole body is decoded at once, so a sequence cut by the end of the input is
                    // cut in the body: it is read as legacy bytes
                    int cp = len == 1 ? b : len > 1 && in.remaining() >= len ? sequence(in, p, len) : -1;
                    if (cp < 0) {
                        // not valid UTF-8 here: one legacy byte
                        if (!out.hasRemaining()) return CoderResult.OVERFLOW;
                        out.put(b < 0x80 ? (char) b : HIGH[b - 0x80]);
                        in.position(p + 1);
                    } else {
                        int chars = Character.charCount(cp);
                        if (out.remaining() < chars) return CoderResult.OVERFLOW;
                        out.put(Character.toChars(cp));
                        in.position(p + len);
                    }
                }
                return CoderResult.UNDERFLOW;
            }
        };
    }

    /** The length of the UTF-8 sequence lead byte {@code b} starts, or 0 when it cannot start one. */
    private static int sequenceLength(int b) {
        return b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
    }

    /** Valid multi-byte sequences and bytes that belong to none, in {@code bytes}. */
    static int[] shape(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int valid = 0;
        int stray = 0;
        for (int p = 0; p < bytes.length; ) {
            int b = bytes[p] & 0xFF;
            int len = sequenceLength(b);
            if (len == 1) {
                p++;
            } else if (len > 1 && p + len <= bytes.length && sequence(in, p, len) >= 0) {
                valid++;
                p += len;
            } else {
                stray++;
                p++;
            }
        }
        return new int[] {valid, stray};
    }

    /** The code point of the {@code len}-byte sequence at {@code p}, or -1 when it is not well-formed. */
    private static int sequence(ByteBuffer in, int p, int len) {
        int b0 = in.get(p) & 0xFF;
        int cp = len == 2 ? b0 & 0x1F : len == 3 ? b0 & 0x0F : b0 & 0x07;
        for (int i = 1; i < len; i++) {
            int b = in.get(p + i) & 0xFF;
            if ((b & 0xC0) != 0x80) return -1;
            cp = cp << 6 | b & 0x3F;
        }
        // overlong forms, surrogates and values past U+10FFFF are not UTF-8
        if (len == 3 && (cp < 0x800 || cp >= 0xD800 && cp <= 0xDFFF)) return -1;
        if (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return -1;
        return cp;
    }
}
