package org.nashra.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashra.config.SourceConfig;
import org.nashra.config.SourceType;

class PreviewTest {
    @Test
    void serialisesToTheDocumentedShape() throws Exception {
        SourceConfig source = SeedPageTest.source(null, List.of());
        PreviewResult r = Preview.of(source, SeedPageTest.html(), SeedPageTest.PAGE);
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(r));

        List<String> top = new ArrayList<>();
        json.fieldNames().forEachRemaining(top::add);
        assertThat(top).containsExactly("items", "removed", "warnings");
        JsonNode main = json.get("items").get(0);
        List<String> fields = new ArrayList<>();
        main.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("role", "title", "text", "url", "published", "image", "parent");
        assertThat(main.get("role").asText()).isEqualTo("main");
        assertThat(main.get("published").asText()).isEqualTo("2023-06-22T11:05:12Z");
        assertThat(main.get("parent").isNull()).isTrue();
        JsonNode other = json.get("items").get(1);
        assertThat(other.get("role").asText()).isEqualTo("other");
        // dated as the page it was read on: no later than that
        assertThat(other.get("published").asText()).isEqualTo("2023-06-22T11:05:12Z");
        assertThat(other.get("parent").asText()).isEqualTo(SeedPageTest.PAGE.toString());
        assertThat(json.get("items")).hasSize(3);
        assertThat(json.get("warnings").isArray()).isTrue();
    }

    @Test
    void rawDatesAreShownWhenNoInstantWasRead() {
        String html = "<html><body><article><h1>عنوان الخبر هنا</h1><span class=\"date\">الأحد 3 آذار 2024</span>"
                + "<p>نص الخبر الأول، وفيه ما يكفي من الكلمات ليعد فقرة من متن الخبر المنشور اليوم.</p></article></body></html>";
        URI url = URI.create("https://s.example/1");
        PreviewResult r = Preview.of(SourceConfig.of("s", url, SourceType.HTML), html, url);
        assertThat(r.items().get(0).published()).isEqualTo("الأحد 3 آذار 2024");
        assertThat(r.toText()).contains("[1] main: عنوان الخبر هنا", "published: الأحد 3 آذار 2024", "warnings (0)");
    }
}
