package org.nashra.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

/** The repairs one at a time, on text; FeedParserLenientXmlTest reads whole feeds through them. */
class FeedXmlRepairTest {
    private static String repaired(String xml) {
        return FeedXmlRepair.repairText(xml).text();
    }

    @Test
    void htmlEntitiesBecomeCharacterReferencesNeverMarkup() {
        assertThat(repaired("<t>أ&nbsp;ب &mdash; ج</t>")).isEqualTo("<t>أ&#xA0;ب &#x2014; ج</t>");
        // HTML knows &LT; (upper case); as a character it would open a tag
        assertThat(repaired("<t>&LT;b&GT;</t>")).isEqualTo("<t>&#x3C;b&#x3E;</t>");
        // an entity of two code points
        assertThat(repaired("<t>&NotNestedGreaterGreater;</t>")).isEqualTo("<t>&#x2AA2;&#x338;</t>");
    }

    @Test
    void xmlsOwnEntitiesAndValidCharacterReferencesAreKept() {
        String xml = "<t a=\"&quot;\">&amp;&lt;&gt;&apos;&#1575;&#x627;</t>";
        FeedXmlRepair.TextRepair r = FeedXmlRepair.repairText(xml);
        assertThat(r.text()).isEqualTo(xml);
        assertThat(r.changed()).isFalse();
    }

    @Test
    void anAmpersandThatStartsNoEntityIsEscaped() {
        assertThat(repaired("<link>https://x.example/?a=1&b=2&copy=3</link>"))
                .as("&copy without ';' in a URL is a parameter, not ©")
                .isEqualTo("<link>https://x.example/?a=1&amp;b=2&amp;copy=3</link>");
        assertThat(repaired("<t>A & B &</t>")).isEqualTo("<t>A &amp; B &amp;</t>");
        // a DTD's entity is no HTML entity: it stays text, never a reference
        assertThat(repaired("<t>&lol9;</t>")).isEqualTo("<t>&amp;lol9;</t>");
        assertThat(repaired("<t>&#;&#x;&#12a;&#X41;</t>")).isEqualTo("<t>&amp;#;&amp;#x;&amp;#12a;&amp;#X41;</t>");
    }

    @Test
    void charactersXmlDoesNotAllowAreDroppedRawOrReferenced() {
        FeedXmlRepair.TextRepair r = FeedXmlRepair.repairText("<t>a\u0001b\u000Bc\u0000d&#1;e&#x1F;f\uFFFEg\uD800h\tok</t>");
        assertThat(r.text()).isEqualTo("<t>abcdefgh\tok</t>");
        assertThat(r.characters()).as("first seen first").containsExactly(
                entry(0x1, 2), entry(0xB, 1), entry(0x0, 1), entry(0x1F, 1), entry(0xFFFE, 1), entry(0xD800, 1));
        assertThat(r.summary()).isEqualTo("7 characters not allowed in XML (U+0001, U+000B, U+0000, U+001F, U+FFFE, …)");
        // a pair of surrogates is one character outside the BMP, and allowed
        assertThat(repaired("<t>\uD83D\uDE00</t>")).isEqualTo("<t>\uD83D\uDE00</t>");
    }

    @Test
    void cdataCommentsAndProcessingInstructionsKeepTheirAmpersandsButNotControlCharacters() {
        assertThat(repaired("<?xml version=\"1.0\"?><!-- a & b --><t><![CDATA[<p>x&nbsp;& y\u0001</p>]]></t>"))
                .isEqualTo("<?xml version=\"1.0\"?><!-- a & b --><t><![CDATA[<p>x&nbsp;& y</p>]]></t>");
        // an unterminated section runs to the end of the body
        assertThat(repaired("<t><![CDATA[a & b")).isEqualTo("<t><![CDATA[a & b");
    }

    @Test
    void noLineBreakIsAddedOrRemoved() {
        String xml = "<t>\n&nbsp;\r\n\u0001&\n</t>";
        assertThat(repaired(xml).lines().count()).isEqualTo(xml.lines().count());
    }

    @Test
    void theSummaryCountsEachKindAndNamesTheEntitiesFirstSeenFirst() {
        FeedXmlRepair.TextRepair r = FeedXmlRepair.repairText("<t>&mdash;&nbsp;&nbsp;&nbsp; & \u000B</t>");
        assertThat(r.summary()).isEqualTo(
                "4 undeclared HTML entities (&mdash;, &nbsp;), 1 unescaped '&' and 1 character not allowed in XML (U+000B)");
        assertThat(FeedXmlRepair.repairText("<t>&nbsp;</t>").summary()).isEqualTo("1 undeclared HTML entity (&nbsp;)");
    }

    @Test
    void theTreeRebuildClosesUnclosedTagsAndDropsEndTagsThatCloseNothing() throws Exception {
        assertThat(FeedXmlRepair.rebuildTree(
                "<?xml version=\"1.0\"?>\n<rss><channel><item><description><p>أ<br>ب <img src=\"x.jpg\">ج <b>د</i></description>"
                        + "<link>https://x.example/1</link></item></channel></rss>\n<!-- cached -->\n"))
                .isEqualTo("<rss><channel><item><description><p>أ<br />ب <img src=\"x.jpg\" />ج <b>د</b></p></description>"
                        + "<link>https://x.example/1</link></item></channel></rss>");
    }

    @Test
    void theTreeRebuildKeepsNamespacesAndEscapesWhatTheTextNeeds() throws Exception {
        assertThat(FeedXmlRepair.rebuildTree("<rss xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>أ < ب &amp; ج</title>"
                + "<media:thumbnail url=\"a?b=1&amp;c=2\"></channel></rss>"))
                .isEqualTo("<rss xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>أ &lt; ب &amp; ج</title>"
                        + "<media:thumbnail url=\"a?b=1&amp;c=2\"></media:thumbnail></channel></rss>");
    }

    @Test
    void theTreeRebuildRefusesADoctypeWhereverItIs() {
        for (String xml : new String[] {
                "<!DOCTYPE rss [<!ENTITY x \"y\">]><rss><channel><title>&x;</title></channel></rss>",
                "<rss><channel><!DOCTYPE x><title>t</channel></rss>"}) {
            FeedXmlInput.Refusal e = catchThrowableOfType(FeedXmlInput.Refusal.class, () -> FeedXmlRepair.rebuildTree(xml));
            assertThat(e).as(xml).isNotNull();
            assertThat(e.getMessage()).startsWith(FeedXmlInput.DOCTYPE_REFUSED);
        }
    }

    @Test
    void theTreeRebuildRebuildsOnlyAWholeDocument() {
        assertThat(unrepairable("<rss><channel><item><title>خبر")).isEqualTo("the body ends before its root element <rss> is closed");
        assertThat(unrepairable("<rss><channel><item><title>خبر</title></item></channel>\n<!-- x -->"))
                .isEqualTo("the body ends before its root element <rss> is closed");
        assertThat(unrepairable("<rss/><rss/>")).isEqualTo("more than one top-level element (<rss> and <rss>)");
        assertThat(unrepairable("Warning: cache miss <rss></rss>")).startsWith("text outside the root element (\"Warning: cache miss");
        assertThat(unrepairable("<!-- only a comment -->")).isEqualTo("no root element");
    }

    private static String unrepairable(String xml) {
        FeedXmlRepair.Unrepairable e = catchThrowableOfType(FeedXmlRepair.Unrepairable.class, () -> FeedXmlRepair.rebuildTree(xml));
        assertThat(e).as(xml).isNotNull();
        return e.getMessage();
    }
}
