package org.nashra.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.nashra.config.SourceConfig;

/** What extraction yields for one page, for {@code nashra preview}. */
public final class Preview {
    private Preview() {}

    /** Extracts the page as the pipeline would (listing or article) and flattens the result for display. */
    public static PreviewResult of(SourceConfig source, String html, URI pageUrl) {
        return of(new PageExtractor(source).extract(html, pageUrl));
    }

    /**
     * An extraction already made (for example by an extractor holding a source's learned
     * boilerplate). {@code published} is the instant when the page gave a machine-readable date,
     * else the date as the page wrote it, else null.
     */
    public static PreviewResult of(Extraction e) {
        List<PreviewResult.Item> items = new ArrayList<>();
        for (RawItem i : e.items()) {
            String published = i.published() != null ? i.published().toString() : i.publishedRaw();
            items.add(new PreviewResult.Item(i.role().wire(), i.title(), i.text(), i.url(), published, i.image(),
                    i.parentUrl()));
        }
        return new PreviewResult(items, e.removed(), e.warnings());
    }
}
