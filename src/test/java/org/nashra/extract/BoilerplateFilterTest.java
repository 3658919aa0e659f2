package org.nashra.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashra.config.SourceConfig;
import org.nashra.config.SourceType;

class BoilerplateFilterTest {
    private final SourceConfig source = new SourceConfig("alamsar", "الأمصار", URI.create("https://alamsar.example/"),
            SourceType.HTML, List.of(), 0, Duration.ofMinutes(15), null, null, null, "ar", false, null, true, null,
            null, List.of("مجلس التحرير: مجموعة صحفيين عرب"), List.of());
    private final BoilerplateFilter filter = new BoilerplateFilter(source, "موقع الأمصار", new BoilerplateLearner());

    @Test
    void configuredPhrasesEvenWithDifferentSpacingAndDiacritics() {
        assertThat(filter.reason("مجلس التحرير:  مجموعةُ صحفيين عرب")).isEqualTo("configured");
        assertThat(filter.reason("مجلس التحرير: مجموعة صحفيين عرب.")).isEqualTo("configured");
    }

    @Test
    void labelsAloneOrWithAShortValue() {
        for (String line : List.of("نشر", "نشر في", "بواسطة", "بواسطة:", "نشر في 22 يونيو 2023", "بقلم: أحمد علي", "الوسوم")) {
            assertThat(filter.reason(line)).as(line).isEqualTo("label");
        }
    }

    @Test
    void theOutletsNameAlone() {
        assertThat(filter.reason("الأمصار")).isEqualTo("outlet name");
        assertThat(filter.reason("موقع الأمصار")).isEqualTo("outlet name");
        assertThat(filter.reason("نشر  الأمصار")).isEqualTo("label");
        assertThat(filter.reason("الأمصار - نشر")).isEqualTo("label");
    }

    @Test
    void shareSubscribeAndPrintTexts() {
        for (String line : List.of("شارك", "شارك على فيسبوك", "فيسبوك تويتر واتساب طباعة", "تابعونا على تلغرام",
                "اشترك في النشرة البريدية", "Share on Facebook")) {
            assertThat(filter.reason(line)).as(line).isNotNull();
        }
    }

    @Test
    void dateOnlyLines() {
        assertThat(filter.reason("الخميس، 22 يونيو 2023 - 10:30 ص")).isEqualTo("date");
        assertThat(filter.reason("22 حزيران 2023")).isEqualTo("date");
    }

    @Test
    void bylinesOfSeveralFieldsRunTogether() {
        for (String line : List.of("كتب: حيدر الساعدي | الأحد 29 تشرين الثاني 2026، الساعة 12:05",
                "الأمصار - بغداد | الأحد 29 تشرين الثاني 2026، الساعة 13:00",
                "بقلم: أحمد علي الحسيني • الخميس 22 يونيو 2023 - 10:30 ص")) {
            assertThat(filter.reason(line)).as(line).isEqualTo("byline");
        }
        // fields that are news, however short, keep the line
        for (String line : List.of("البصرة - بغداد | الأحد 29 تشرين الثاني 2026",
                "الحكومة تقر الموازنة | البرلمان يؤجل التصويت", "كتب: حيدر الساعدي | الحكومة تقر الموازنة")) {
            assertThat(filter.reason(line)).as(line).isNotEqualTo("byline");
        }
    }

    @Test
    void newsTextIsKept() {
        for (String line : List.of("أعلنت الخارجية الكازاخية استعداد كازاخستان لاستضافة اجتماعات صيغة أستانا.",
                "وشارك في الاجتماع وزراء الخارجية والمالية والتخطيط لمناقشة الموازنة.",
                "نشر الجيش قواته على طول الحدود الغربية بعد تصاعد التوتر في المنطقة خلال الأيام الماضية.",
                "الأمصار العربية تشهد تحولات اقتصادية كبيرة خلال العقد الأخير.",
                "وقع الحادث في 22 يونيو 2023 قرب مدخل المدينة الجنوبي.")) {
            assertThat(filter.reason(line)).as(line).isNull();
        }
    }
}
