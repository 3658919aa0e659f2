package org.nashra.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.nashra.extract.BoilerplateLearner;
import org.nashra.store.BoilerplateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One learner for the process, restored from the database at start and saved after passes. */
public final class BoilerplateMemory {
    private static final Logger log = LoggerFactory.getLogger(BoilerplateMemory.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BoilerplateLearner learner = new BoilerplateLearner();
    /** Pages counted per source when it was last saved. */
    private final Map<String, Integer> savedPages = new java.util.concurrent.ConcurrentHashMap<>();
    private final BoilerplateStore store;

    private BoilerplateMemory(BoilerplateStore store) {
        this.store = store;
    }

    public static BoilerplateMemory load(BoilerplateStore store) {
        BoilerplateMemory m = new BoilerplateMemory(store);
        Map<String, BoilerplateLearner.SourceSnapshot> sources = new HashMap<>();
        store.loadAll().forEach((id, json) -> {
            try {
                sources.put(id, JSON.readValue(json, BoilerplateLearner.SourceSnapshot.class));
            } catch (JsonProcessingException e) {
                // a snapshot from an older format is relearned, not fatal
                log.warn("learned boilerplate of source {} unreadable, relearning: {}", id, e.getOriginalMessage());
            }
        });
        m.learner.restore(new BoilerplateLearner.Snapshot(sources));
        return m;
    }

    public BoilerplateLearner learner() {
        return learner;
    }

    void save(String sourceId, Instant at) {
        BoilerplateLearner.SourceSnapshot s = learner.export(sourceId);
        // nothing learned, or nothing new since the last save: a pass that saw no new page writes nothing
        if (s == null || s.pages() == savedPages.getOrDefault(sourceId, -1)) return;
        savedPages.put(sourceId, s.pages());
        try {
            store.save(sourceId, JSON.writeValueAsString(s), at);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise learned boilerplate of " + sourceId, e);
        }
    }
}
