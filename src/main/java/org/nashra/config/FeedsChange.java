package org.nashra.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an edit of feeds.yml changes, by id, in the order the edited file lists them (removed ones
 * in the order the file listed them before).
 *
 * @param changedSources sources whose settings differ in any way (url, rules, polling bounds, name…)
 * @param changedFeeds   published feeds added, removed or redefined
 * @param dedupChanged   the {@code dedup} section differs: it is not applied while serve runs
 */
public record FeedsChange(List<String> addedSources, List<String> removedSources, List<String> changedSources,
                          List<String> changedFeeds, boolean dedupChanged) {
    public FeedsChange {
        addedSources = List.copyOf(addedSources);
        removedSources = List.copyOf(removedSources);
        changedSources = List.copyOf(changedSources);
        changedFeeds = List.copyOf(changedFeeds);
    }

    public static FeedsChange between(FeedsFile before, FeedsFile after) {
        Map<String, SourceConfig> old = new LinkedHashMap<>();
        before.sources().forEach(s -> old.put(s.id(), s));
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (SourceConfig s : after.sources()) {
            SourceConfig was = old.remove(s.id());
            if (was == null) added.add(s.id());
            else if (!was.equals(s)) changed.add(s.id());
        }
        List<String> removed = new ArrayList<>(old.keySet());

        Map<String, FeedConfig> oldFeeds = new LinkedHashMap<>();
        before.feeds().forEach(f -> oldFeeds.put(f.id(), f));
        List<String> feeds = new ArrayList<>();
        for (FeedConfig f : after.feeds()) {
            if (!f.equals(oldFeeds.remove(f.id()))) feeds.add(f.id());
        }
        feeds.addAll(oldFeeds.keySet());
        return new FeedsChange(added, removed, changed, feeds, !Objects.equals(before.dedup(), after.dedup()));
    }

    /** Whether sources or published feeds were added, removed or changed: what serve applies live. */
    public boolean sourcesOrFeedsChanged() {
        return !addedSources.isEmpty() || !removedSources.isEmpty() || !changedSources.isEmpty() || !changedFeeds.isEmpty();
    }

    public boolean isEmpty() {
        return !sourcesOrFeedsChanged() && !dedupChanged;
    }

    /** e.g. "sources added: a, b; removed: c; feeds changed: all"; "nothing" when empty. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (!addedSources.isEmpty()) parts.add("sources added: " + String.join(", ", addedSources));
        if (!removedSources.isEmpty()) parts.add("sources removed: " + String.join(", ", removedSources));
        if (!changedSources.isEmpty()) parts.add("sources changed: " + String.join(", ", changedSources));
        if (!changedFeeds.isEmpty()) parts.add("feeds changed: " + String.join(", ", changedFeeds));
        if (dedupChanged) parts.add("dedup changed");
        return parts.isEmpty() ? "nothing" : String.join("; ", parts);
    }
}
