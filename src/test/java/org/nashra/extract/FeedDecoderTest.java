package org.nashra.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedDecoderTest {
    @Test
    void windows1256BytesWithMatchingDeclarationDecode() throws Exception {
        byte[] bytes = FeedFixtures.bytes("rss2-windows-1256-declared.xml");

        assertThat(FeedDecoder.charsetOf(bytes)).isEqualTo(Charset.forName("windows-1256"));
        String text = FeedDecoder.decode(bytes);
        assertThat(text).contains("إذاعة الجنوب").contains("مباراة ودية بين فريقي المدينة");
        Extraction x = FeedParser.parse("janoub", text, null);
        assertThat(x.items()).singleElement().extracting(RawItem::title).isEqualTo("مباراة ودية بين فريقي المدينة");
    }

    @Test
    void byteOrderMarkWinsAndIsRemoved() {
        byte[] utf8Bom = "\uFEFF<rss/>".getBytes(StandardCharsets.UTF_8);
        assertThat(FeedDecoder.decode(utf8Bom)).isEqualTo("<rss/>");

        byte[] utf16 = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss>نشرة</rss>".getBytes(StandardCharsets.UTF_16BE);
        assertThat(FeedDecoder.decode(utf16)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss>نشرة</rss>");
    }

    @Test
    void noDeclarationMeansUtf8() {
        byte[] json = "{\"title\": \"نشرة\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(FeedDecoder.charsetOf(json)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(FeedDecoder.decode(json)).isEqualTo("{\"title\": \"نشرة\"}");
    }

    @Test
    void unknownDeclaredCharsetFallsBackToUtf8() {
        byte[] bytes = "<?xml version=\"1.0\" encoding=\"x-no-such\"?><rss>نشرة</rss>".getBytes(StandardCharsets.UTF_8);
        assertThat(FeedDecoder.decode(bytes)).contains("نشرة");
    }

    @Test
    void iso88596DeclarationIsHonoured() {
        Charset arabicIso = Charset.forName("ISO-8859-6");
        byte[] bytes = "<?xml version='1.0' encoding='ISO-8859-6'?><rss>خبر</rss>".getBytes(arabicIso);
        assertThat(FeedDecoder.decode(bytes)).endsWith("<rss>خبر</rss>");
    }

    @Test
    void utf8BytesUnderALegacyDeclarationAreReadAsUtf8() {
        byte[] mislabelled = "<?xml version=\"1.0\" encoding=\"windows-1256\"?><rss>بريد البصرة</rss>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(FeedDecoder.decode(mislabelled)).endsWith("<rss>بريد البصرة</rss>");
    }

    @Test
    void asciiOnlyBytesFollowTheirDeclaration() {
        byte[] ascii = "<?xml version=\"1.0\" encoding=\"windows-1256\"?><rss/>".getBytes(StandardCharsets.US_ASCII);
        assertThat(FeedDecoder.charsetOf(ascii)).isEqualTo(Charset.forName("windows-1256"));
    }
}
