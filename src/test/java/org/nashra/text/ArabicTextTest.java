package org.nashra.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArabicTextTest {

    @ParameterizedTest(name = "display: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ﻻ تقل                         | لا تقل                        | lam-alef ligature to its letters
            ﷲ أكبر                        | الله أكبر                     | allah ligature
            ﺑﻐﺪﺍﺩ                          | بغداد                         | contextual presentation forms
            الخارجيَّة والمُتحدث            | الخارجيَّة والمُتحدث            | diacritics kept
            الاجتماعـــات                   | الاجتماعـــات                   | tatweel kept as written
            'x² و½ كغ'                    | 'x² و½ كغ'                    | other compatibility characters kept
            """)
    void displayFoldsPresentationFormsOnly(String in, String want, String what) {
        assertThat(ArabicText.display(in)).as(what).isEqualTo(want);
    }

    @Test
    void displayCleansInvisibleNoiseAndSpaces() {
        assertThat(ArabicText.display("  قال\u00A0المتحدث\u2009باسم   الوزارة  ")).isEqualTo("قال المتحدث باسم الوزارة");
        assertThat(ArabicText.display("\u200Fالعراق\u200E \u202B(2023)\u202C\u2067 نص\u2069")).isEqualTo("العراق (2023) نص");
        assertThat(ArabicText.display("سطر\u0007 أول\r\n\r\n  سطر ثان\n\n\nثالث")).isEqualTo("سطر أول\nسطر ثان\nثالث");
        assertThat(ArabicText.display("\uFEFFنص\u00AD\u200Bمركب")).isEqualTo("نصمركب");
        assertThat(ArabicText.display(null)).isEmpty();
        assertThat(ArabicText.display(" \n\t ")).isEmpty();
    }

    @Test
    void displayKeepsZwnjOnlyWhereItShapes() {
        // Persian/Kurdish "می‌خواهم": the ZWNJ stops the joining of ی and خ
        assertThat(ArabicText.display("می\u200Cخواهم")).isEqualTo("می\u200Cخواهم");
        assertThat(ArabicText.display("\u200Cكلمة \u200C أخرى\u200C")).isEqualTo("كلمة أخرى");
    }

    @Test
    void displayComposesToNfc() {
        // alef + combining hamza above is أ
        assertThat(ArabicText.display("\u0627\u0654مين")).isEqualTo("أمين");
    }

    @ParameterizedTest(name = "key: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            أحمد إبراهيم آمال ٱلله      | احمد ابراهيم امال الله       | alef variants to bare alef
            مصطفى على                    | مصطفي علي                    | alef maksura to yeh
            المدرسة الجديدة              | المدرسه الجديده              | teh marbuta to heh
            مؤتمر شاطئ                   | موتمر شاطي                   | hamza carriers folded by default
            الخارجيَّة المُتحدث            | الخارجيه المتحدث              | diacritics removed
            الاجتماعـــات                 | الاجتماعات                   | tatweel removed (not a \\p{Mn})
            هٰذا                          | هذا                          | superscript alef removed
            ٢٠٢٣ ۱۴۰۲                    | 2023 1402                    | Arabic-Indic and Persian digits
            'قال، «نعم»؛ لماذا؟'          | قال نعم لماذا                | Arabic punctuation separates
            ﻻ ﷲ                          | لا الله                      | presentation forms
            Reuters ISTANBUL             | reuters istanbul             | Latin lower-cased
            'سعر 1,200 دولار و3.5%'      | سعر 1200 دولار و3.5           | digit groups joined
            """)
    void keyFoldsSpellingVariants(String in, String want, String what) {
        assertThat(ArabicText.matchingKey(in)).as(what).isEqualTo(want);
    }

    @Test
    void hamzaCarriersCanBeKept() {
        MatchingKey keep = new MatchingKey(MatchingKey.HamzaCarriers.KEEP);
        assertThat(keep.key("مؤتمر شاطئ أحمد")).isEqualTo("مؤتمر شاطئ احمد");
        assertThat(keep.hamzaCarriers()).isEqualTo(MatchingKey.HamzaCarriers.KEEP);
    }

    @Test
    void tokensAreTheKeysWords() {
        assertThat(ArabicText.tokens("  قال المتحدثُ: «الاجتماع» غداً ")).containsExactly("قال", "المتحدث", "الاجتماع", "غدا");
        assertThat(ArabicText.tokens(null)).isEmpty();
        assertThat(ArabicText.matchingKey("...،،")).isEmpty();
    }

    @Test
    void searchTokensDropStopwordsAndStem() {
        // في, من, إلى are Lucene stopwords (spelled with hamza there, folded here)
        assertThat(ArabicText.searchTokens("وصل الوفد إلى المستشفيات في بغداد من الكويت"))
                .containsExactly("وصل", "وفد", "مستشف", "بغداد", "كويت");
        assertThat(ArabicText.searchTokens("والمعلمون بالمدرسة")).containsExactly("معلم", "مدرس");
    }

    @Test
    void keyIgnoresTheDefaultLocale() {
        String text = "ISTANBUL İzmir Iraq العراق ٢٠٢٣";
        String root = ArabicText.matchingKey(text);
        assertThat(root).isEqualTo("istanbul izmir iraq العراق 2023");
        for (Locale l : Locales.HOSTILE) {
            Locales.withDefault(l, () -> {
                assertThat(ArabicText.matchingKey(text)).isEqualTo(root);
                assertThat(ArabicText.display(text)).isEqualTo(text);
                assertThat(ArabicText.searchTokens(text)).contains("istanbul", "iraq");
            });
        }
    }
}
