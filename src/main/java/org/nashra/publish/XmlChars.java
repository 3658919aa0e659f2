package org.nashra.publish;

import org.jdom2.Verifier;

/** Removes characters that XML 1.0 forbids (C0 controls, lone surrogates, U+FFFE/U+FFFF). */
final class XmlChars {
    private XmlChars() {}

    static String clean(String s) {
        if (s == null) return "";
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            boolean ok = Verifier.isXMLCharacter(cp) && !(Character.isSurrogate(s.charAt(i)) && len == 1);
            if (!ok && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            } else if (ok && out != null) {
                out.appendCodePoint(cp);
            }
            i += len;
        }
        return out == null ? s : out.toString();
    }
}
