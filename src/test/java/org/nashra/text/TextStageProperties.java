package org.nashra.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What must hold for any input: no exception escapes, no date lies in the future. */
class TextStageProperties {
    static final Instant NOW = Instant.parse("2024-06-20T12:00:00Z");

    @Provide
    Arbitrary<String> dateLike() {
        Arbitrary<String> pieces = Arbitraries.of("Thu,", "22", "Jun", "2023", "10:30", "+0300", "GMT+3", "م", "ص",
                "منذ", "ساعتين", "أمس", "اليوم", "الخميس", "حزيران", "كانون", "الثاني", "رمضان", "1445", "هـ", "/", "-",
                "٢٢", "T", "Z", "99", "31/02/2023", "2023-06-22", "25:61", "+99:99", "GMT-25", "0", "الماضي", ":", ".");
        return Arbitraries.oneOf(pieces.list().ofMaxSize(8).map(l -> String.join(" ", l)),
                Arbitraries.strings().ofMaxLength(40));
    }

    @Property
    void dateParserNeverThrowsNorReturnsTheFuture(@ForAll("dateLike") String raw) {
        Optional<ParsedDate> d = new DateParser().parse(raw, ZoneId.of("Asia/Baghdad"), NOW);
        d.ifPresent(p -> assertThat(p.instant()).isBeforeOrEqualTo(NOW.plus(DateParser.DEFAULT_TOLERANCE)));
    }

    @Provide
    Arbitrary<String> urlLike() {
        Arbitrary<String> scheme = Arbitraries.of("http://", "https://", "HTTPS://", "ftp://", "", "//");
        Arbitrary<String> host = Arbitraries.of("example.org", "AMP.Example.org", "مثال.إختبار", "example.org:443",
                "example.org:80", "[::1]", "", "a@b.c:8080");
        Arbitrary<String> path = Arbitraries.strings().withChars("/abcAMP.%2fF9خبر-_~ ?&=#;").ofMaxLength(30);
        return Combinators.combine(scheme, host, path).as((s, h, p) -> s + h + p);
    }

    @Property
    void canonicalUrlsAreStable(@ForAll("urlLike") String url) {
        String once = UrlCanonicalizer.canonicalize(url);
        assertThat(UrlCanonicalizer.canonicalize(once)).isEqualTo(once);
    }

    @Property
    void agencyDetectionNeverThrows(@ForAll String text) {
        assertThat(Agencies.detect(text)).isNotNull();
    }

    @Property(tries = 200)
    void normalizerAcceptsAnyText(@ForAll String title, @ForAll String text, @ForAll("dateLike") String date) {
        var raw = new org.nashra.extract.RawItem("s", "https://example.org/x", null, title, "", text, date, null, null,
                null, null, null, null, null);
        NormalizedItem n = new ItemNormalizer().normalize(raw, ZoneId.of("Asia/Baghdad"), NOW);
        assertThat(n.published()).isBeforeOrEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(n.titleKey()).isEqualTo(ArabicText.matchingKey(n.title()));
    }
}
