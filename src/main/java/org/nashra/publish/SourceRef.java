package org.nashra.publish;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nashra.extract.Role;
import org.nashra.text.ArabicText;

/** One outlet's copy of a story, as listed under "also reported by". */
public record SourceRef(String sourceId, String sourceName, String url, String title, Role role) {

    /**
     * The story's copies as a reader should see them listed, in order: each outlet's article once,
     * and an outlet's "other news" mention only when the story has no article of that outlet and
     * only once, however many of its pages repeat it. The members themselves are all kept (the
     * story API lists them); a list of outlets that names one outlet five times says nothing more.
     */
    public static List<SourceRef> distinct(List<SourceRef> refs) {
        Set<String> withArticle = new HashSet<>();
        for (SourceRef r : refs) if (r.role() == Role.MAIN) withArticle.add(r.sourceId());
        Set<String> seen = new HashSet<>();
        List<SourceRef> out = new ArrayList<>(refs.size());
        for (SourceRef r : refs) {
            String key = r.role() == Role.MAIN
                    ? "main\u0000" + r.sourceId() + "\u0000" + r.url()
                    : "other\u0000" + r.sourceId() + "\u0000" + ArabicText.matchingKey(r.title());
            if (r.role() != Role.MAIN && withArticle.contains(r.sourceId())) continue;
            if (seen.add(key)) out.add(r);
        }
        return out;
    }
}
