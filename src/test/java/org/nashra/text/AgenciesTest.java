package org.nashra.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgenciesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            بغداد (رويترز) - قال مسؤولون إن الاجتماع سيعقد غداً.                | رويترز
            باريس (أ ف ب) - أعلنت الحكومة الفرنسية خطة جديدة.                   | فرانس برس
            باريس (ا ف ب) - أعلنت الحكومة الفرنسية خطة جديدة.                   | فرانس برس
            باريس (أ.ف.ب) - أعلنت الحكومة الفرنسية خطة جديدة.                   | فرانس برس
            واشنطن - (فرانس برس) - قال البيت الأبيض                             | فرانس برس
            الرياض (واس) - استقبل خادم الحرمين الشريفين                         | واس
            الرياض - واس: استقبل خادم الحرمين الشريفين                          | واس
            أبوظبي (وام) - أعلنت وزارة الصحة                                   | وام
            الدوحة (قنا) - بحث وزير الخارجية                                    | قنا
            دمشق (سانا) - أصدر الرئيس مرسوماً                                   | سانا
            بغداد (واع) - أعلن وزير النفط                                       | واع
            أنقرة (الأناضول) - قال الرئيس التركي                                | الأناضول
            برلين (د ب أ) - أعلنت المستشارية                                    | د ب أ
            نيويورك (أ ب) - قالت الشرطة                                         | أسوشيتد برس
            الكويت (كونا) - استقبل سمو الأمير                                   | كونا
            المنامة (بنا) - أكد جلالة الملك                                     | بنا
            الرياض (واف) - أعلنت الهيئة                                         | واف
            بكين (شينخوا) - قالت وزارة الخارجية الصينية                        | شينخوا
            قال مسؤولون إن الاجتماع سيعقد غداً. (رويترز)                        | رويترز
            قال مسؤولون إن الاجتماع سيعقد غداً. المصدر: رويترز                  | رويترز
            نقلت وكالة رويترز عن مسؤولين أن الاجتماع سيعقد غداً في مكان لم يحدد بعد | -
            قال لنا المسؤول إن الاجتماع بنا وبكم سيعقد                           | -
            عاد الوفد إلى الرياض بعد زيارة استغرقت يومين                        | -
            -                                                                  | -
            """)
    void detectsWireCredits(String text, String want) {
        assertThat(Agencies.detect(text).orElse(null)).isEqualTo(want);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            القاهرة (رويترز، أ ف ب) - قال المتحدث | رويترز
            القاهرة (أ ف ب، رويترز) - قال المتحدث | فرانس برس
            """)
    void firstCreditWinsWhenSeveralShareTheBracket(String text, String want) {
        assertThat(Agencies.detect(text)).contains(want);
    }
}
