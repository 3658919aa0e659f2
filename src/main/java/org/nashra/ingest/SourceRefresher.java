package org.nashra.ingest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nashra.config.SourceConfig;
import org.nashra.config.SourceType;
import org.nashra.extract.Extraction;
import org.nashra.extract.FeedBoilerplate;
import org.nashra.extract.ExtractionException;
import org.nashra.extract.FeedParser;
import org.nashra.extract.PageExtractor;
import org.nashra.extract.RawItem;
import org.nashra.extract.RepeatedGuids;
import org.nashra.extract.Role;
import org.nashra.fetch.FailureKind;
import org.nashra.fetch.FetchRequest;
import org.nashra.fetch.FetchResult;
import org.nashra.fetch.Fetcher;
import org.nashra.fetch.Validators;
import org.nashra.store.FetchOutcome;
import org.nashra.store.SourceRepository;
import org.nashra.store.SourceState;
import org.nashra.text.ItemNormalizer;
import org.nashra.text.NormalizedItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over one source: fetch, extract, normalize, dedup and store, then record the
 * source's health. Never throws for bad input: every failure ends in the source's health.
 */
public final class SourceRefresher {
    private static final Logger log = LoggerFactory.getLogger(SourceRefresher.class);
    /** Article pages fetched per pass for a listing or full-text source: bounds one pass's cost. */
    static final int MAX_PAGES_PER_PASS = 20;

    private final Fetcher fetcher;
    private final SourceRepository sources;
    private final Ingestor ingestor;
    private final ItemNormalizer normalizer;
    private final NextPoll nextPoll;
    private final Clock clock;
    private final BoilerplateMemory boilerplate;
    /** Items published longer ago than this are not stored: retention would purge them at once. */
    private final Duration retention;

    public SourceRefresher(Fetcher fetcher, SourceRepository sources, Ingestor ingestor,
                           ItemNormalizer normalizer, NextPoll nextPoll, Clock clock, BoilerplateMemory boilerplate) {
        this(fetcher, sources, ingestor, normalizer, nextPoll, clock, boilerplate, null);
    }

    /** @param retention how long stories are kept (settings' retention.max_age), or null for ever */
    public SourceRefresher(Fetcher fetcher, SourceRepository sources, Ingestor ingestor, ItemNormalizer normalizer,
                           NextPoll nextPoll, Clock clock, BoilerplateMemory boilerplate, Duration retention) {
        this.retention = retention;
        this.fetcher = fetcher;
        this.sources = sources;
        this.ingestor = ingestor;
        this.normalizer = normalizer;
        this.nextPoll = nextPoll;
        this.clock = clock;
        this.boilerplate = boilerplate;
    }

    private PageExtractor pages(SourceConfig source) {
        return new PageExtractor(source, boilerplate.learner());
    }

    public PassSummary refresh(SourceConfig source) {
        Timing time = new Timing();
        Instant start = time.start;
        SourceState state = sources.find(source.id()).orElseThrow(() ->
                new IllegalStateException("source '" + source.id() + "' was not synced to the database"));
        if (state.paused()) {
            return new PassSummary(source.id(), state.fetchUrl(), "paused", 0, 0, 0, state.pausedReason(),
                    List.of(), state.nextDue(), Duration.ZERO, Duration.ZERO);
        }
        URI url = URI.create(state.fetchUrl());
        FetchRequest request = new FetchRequest(source.id(), url,
                new Validators(state.etag(), state.lastModified(), state.bodyHash()), source.encoding(),
                source.type() == SourceType.HTML && source.robots());
        FetchResult result = time.fetch(request);
        PassSummary summary;
        try {
            if (result instanceof FetchResult.NotModified nm) summary = notModified(source, state, nm, time);
            else if (result instanceof FetchResult.Failed f) summary = failed(source, state, f, time);
            else summary = fetched(source, state, (FetchResult.Fetched) result, time);
        } catch (RuntimeException e) {
            // a bug or a store failure: keep the scheduler alive and make it visible on the source
            Instant due = nextPoll.afterError(source, start, state.errorStreak() + 1, null);
            summary = new PassSummary(source.id(), url.toString(), "failed", 0, 0, 0, "INTERNAL " + e, List.of(),
                    due, time.took(), time.waited());
            log.error("source {}: {}", source.id(), summary.outcome(), e);
            sources.record(internalError(source, start, e, due));
            return summary;
        }
        // one line a pass: a failed one at WARN, with its error, and nowhere else
        if (summary.status().equals("failed")) log.warn("source {}: {}", source.id(), summary.outcome());
        else log.info("source {}: {}", source.id(), summary.outcome());
        return summary;
    }

    /**
     * A pass that threw before it could record itself (a bug in a stage, the store unreachable when the
     * pass began or ended), recorded as the source's health as {@link #refresh} records its own failures:
     * status failed, kind INTERNAL, the error backoff. For the scheduler, which must still know when the
     * source is due again. Never throws: when the store cannot take the record either, that is logged
     * and the summary says so.
     *
     * @param start when the pass began
     */
    public PassSummary failedUnexpectedly(SourceConfig source, Instant start, RuntimeException e) {
        String url = source.url().toString();
        Instant due = null;
        String error = "INTERNAL " + e;
        try {
            SourceState state = sources.find(source.id()).orElse(null);
            int streak = state == null ? 1 : state.errorStreak() + 1;
            if (state != null) url = state.fetchUrl();
            due = nextPoll.afterError(source, start, streak, null);
            sources.record(internalError(source, start, e, due));
        } catch (RuntimeException again) {
            log.error("source {}: cannot record the failed pass in its health: {}", source.id(), again.toString());
            error += " (not recorded in the source's health: " + again + ")";
        }
        Duration took = Duration.between(start, clock.instant());
        PassSummary summary = new PassSummary(source.id(), url, "failed", 0, 0, 0, error, List.of(), due,
                took.isNegative() ? Duration.ZERO : took, Duration.ZERO);
        log.error("source {}: {}", source.id(), summary.outcome(), e);
        return summary;
    }

    private static FetchOutcome internalError(SourceConfig source, Instant start, RuntimeException e, Instant due) {
        return new FetchOutcome(source.id(), start, "failed", null, "INTERNAL", "internal error: " + e, 0, 0, 0, null,
                due, null, null, null, null, null);
    }

    private PassSummary notModified(SourceConfig source, SourceState state, FetchResult.NotModified nm, Timing time) {
        Instant start = time.start;
        Duration previous = state.lastAttempt() != null && state.nextDue() != null && state.nextDue().isAfter(state.lastAttempt())
                ? Duration.between(state.lastAttempt(), state.nextDue()) : null;
        Instant due = nextPoll.afterNotModified(source, start, previous, nm.maxAge());
        Validators v = nm.validators() == null ? Validators.NONE : nm.validators();
        String note = notModifiedNote(nm);
        // no body was read, so no warning is this pass's own; the store keeps the last read's, which still hold
        sources.record(new FetchOutcome(source.id(), start, "not_modified", nm.status(), null, null, 0, 0, 0, null, due,
                v.etag(), v.lastModified(), v.bodyHash(), null, null, note));
        return new PassSummary(source.id(), state.fetchUrl(), "not_modified", 0, 0, 0, null, List.of(note), due,
                time.took(), time.waited());
    }

    /** "not modified (304)", or "not modified (200, unchanged body)" when the body hashed as last time's. */
    static String notModifiedNote(FetchResult.NotModified nm) {
        return nm.status() == 304 ? "not modified (304)" : "not modified (" + nm.status() + ", " + nm.reason() + ")";
    }

    private PassSummary failed(SourceConfig source, SourceState state, FetchResult.Failed f, Timing time) {
        Instant start = time.start;
        String pause = f.kind() == FailureKind.GONE ? "410 Gone at " + f.url() + ": the outlet removed this feed; fix the url and resume" : null;
        Instant due = nextPoll.afterError(source, start, state.errorStreak() + 1, f.retryAfter());
        sources.record(new FetchOutcome(source.id(), start, "failed", f.status() == 0 ? null : f.status(), f.kind().name(),
                f.message(), 0, 0, 0, null, due, null, null, null, null, pause));
        return new PassSummary(source.id(), state.fetchUrl(), "failed", 0, 0, 0, f.message(), List.of(), due,
                time.took(), time.waited());
    }

    private PassSummary fetched(SourceConfig source, SourceState state, FetchResult.Fetched f, Timing time) {
        Instant start = time.start;
        List<String> notes = new ArrayList<>();
        notes.add("charset " + f.charset().name() + " (" + f.charsetReason() + ")");
        String movedTo = f.permanentRedirect() ? f.finalUrl().toString() : null;
        String moved = movedTo == null ? null : "moved permanently to " + movedTo;
        if (movedTo != null) {
            log.warn("source {}: {} moved permanently to {}; using the new address from now on", source.id(), f.url(), movedTo);
            notes.add(moved);
        }
        Extraction extraction;
        boolean page = readsAsHtml(source, f.text(), f.contentType());
        try {
            extraction = read(source, f.text(), f.contentType(), f.finalUrl(), pages(source));
        } catch (ExtractionException e) {
            String msg = "BAD_CONTENT " + f.finalUrl() + ": " + e.getMessage();
            Instant due = nextPoll.afterError(source, start, state.errorStreak() + 1, null);
            // validators are not saved, so the next pass reads the body again
            sources.record(new FetchOutcome(source.id(), start, "failed", f.status(), FailureKind.BAD_CONTENT.name(),
                    msg, 0, 0, 0, null, due, null, null, null, movedTo, null));
            return new PassSummary(source.id(), state.fetchUrl(), "failed", 0, 0, 0, msg, notes, due,
                    time.took(), time.waited());
        }
        List<String> warnings = new ArrayList<>(extraction.warnings());
        List<RawItem> items = extraction.listing() ? articlesOf(source, extraction.items(), warnings, time)
                : page ? extraction.items()
                : new FeedBoilerplate(source, boilerplate.learner()).clean(extraction.items(), extraction.title());
        items = RepeatedGuids.resolve(items, warnings);
        List<RawItem> listed = items;
        // a feed that lists items older than retention would have them stored again after every purge,
        // under new story ids: readers would see them as new. Dated ones go before their pages are fetched.
        Instant fetchedAt = clock.instant();
        Instant horizon = retention == null ? null : fetchedAt.minus(retention);
        int expired = 0;
        if (horizon != null) {
            List<RawItem> current = items.stream().filter(i -> i.published() == null || !i.published().isBefore(horizon)).toList();
            expired = items.size() - current.size();
            items = current;
        }
        if (!extraction.listing() && source.fulltext()) items = withFullText(source, items, warnings, time);
        boilerplate.save(source.id(), start);

        int added = 0, duplicate = 0, rejected = 0;
        List<NormalizedItem> normalized = new ArrayList<>(items.size());
        for (RawItem raw : items) {
            NormalizedItem item;
            try {
                item = normalizer.normalize(raw, source.timezone(), fetchedAt);
            } catch (RuntimeException e) {
                rejected++;
                warnings.add("item " + raw.url() + " rejected: cannot normalize: " + e.getMessage());
                continue;
            }
            // the text stage's other guesses (dates above all) stay with the item; a cut title is news to the operator
            item.warnings().stream().filter(w -> w.startsWith(ItemNormalizer.TITLE_CUT))
                    .forEach(w -> warnings.add("item " + raw.url() + ": " + w));
            normalized.add(item);
        }
        RepeatedOtherNews.Once once = RepeatedOtherNews.onceEach(normalized);
        duplicate += once.repeats();
        for (NormalizedItem item : once.items()) {
            RawItem raw = item.raw();
            if (horizon != null && item.published().isBefore(horizon)) {
                expired++;
                continue;
            }
            Ingestor.Result r = ingestor.ingest(item, fetchedAt);
            switch (r.outcome()) {
                case NEW -> added++;
                case DUPLICATE -> duplicate++;
                case REJECTED -> {
                    rejected++;
                    warnings.add("item " + raw.url() + " rejected: " + r.reason());
                    log.info("source {}: item {} rejected: {}", source.id(), raw.url(), r.reason());
                }
            }
        }
        if (expired > 0) {
            rejected += expired;
            warnings.add(expired + (expired == 1 ? " item" : " items") + " published before " + horizon + " (retention " + retention.toDays()
                    + " days) not stored: they would be purged at once");
        }
        // what the body itself listed (before article pages were fetched and stored ones skipped) says whether
        // it is empty; the one warning for it says whether the source had items before: a broken feed, not a quiet one
        if (extraction.items().isEmpty()) listedNothing(source, extraction, f.finalUrl(), warnings);
        // what the body listed, expired items included, says how often it publishes; other-news items
        // are dated by the pages they were read on, which would count those pages again
        List<Instant> itemTimes = listed.stream().filter(i -> i.role() == Role.MAIN)
                .map(i -> i.published() != null ? i.published() : i.updated())
                .filter(java.util.Objects::nonNull).toList();
        Instant due = nextPoll.afterFetched(source, start, added, itemTimes, extraction.ttl(), extraction.skipHours(), f.maxAge());
        Validators v = f.validators() == null ? Validators.NONE : f.validators();
        sources.record(new FetchOutcome(source.id(), start, "ok", f.status(), null, null, added, duplicate, rejected,
                warnings.isEmpty() ? null : String.join("\n", warnings), due, v.etag(), v.lastModified(), v.bodyHash(),
                movedTo, null, moved));
        return new PassSummary(source.id(), state.fetchUrl(), "ok", added, duplicate, rejected, null, notes, warnings,
                due, time.took(), time.waited());
    }

    /**
     * A pass's clock. Its fetches wait at the per-host gates, queued behind other sources of the same host
     * and the gap between requests: that wait is politeness, not the source being slow, so it is kept apart
     * from the time the pass took. Confined to the pass's thread.
     */
    private final class Timing {
        final Instant start = clock.instant();
        private Duration waited = Duration.ZERO;

        FetchResult fetch(FetchRequest request) {
            FetchResult result = fetcher.fetch(request);
            waited = waited.plus(result.waited());
            return result;
        }

        /** Since the start, less the waits at host gates. */
        Duration took() {
            Duration took = Duration.between(start, clock.instant()).minus(waited);
            return took.isNegative() ? Duration.ZERO : took;
        }

        Duration waited() {
            return waited;
        }
    }

    /**
     * The one warning of a body that listed nothing: the extractor's, when it says why (the rule that matched
     * nothing, the page's shape), else one naming the body; with the source's history.
     */
    private void listedNothing(SourceConfig source, Extraction extraction, URI url, List<String> warnings) {
        long stored = ingestor.storedCount(source.id());
        String history = stored == 0 ? "" : "; it had items before (" + stored + " stored from earlier passes)";
        String why = extraction.whyEmpty();
        if (why == null) {
            warnings.add("the " + (extraction.listing() ? "listing" : "body") + " at " + url + " listed no items" + history);
        } else {
            warnings.set(warnings.indexOf(why), why + history);
        }
    }

    /** Routes a body to the feed parser or the page extractor by the source's type, or by sniffing. */
    public static Extraction read(SourceConfig source, String body, String contentType, URI url, PageExtractor pages)
            throws ExtractionException {
        return readsAsHtml(source, body, contentType) ? pages.extract(body, url) : FeedParser.parse(source.id(), body, url);
    }

    private static boolean readsAsHtml(SourceConfig source, String body, String contentType) {
        return switch (source.type()) {
            case HTML -> true;
            case RSS, ATOM, JSON -> false;
            case AUTO -> looksLikeHtml(body, contentType);
        };
    }

    static boolean looksLikeHtml(String body, String contentType) {
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (ct.contains("html")) return true;
        if (ct.contains("xml") || ct.contains("json")) return false;
        String head = body.stripLeading();
        head = head.substring(0, Math.min(head.length(), 512)).toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }

    /** Fetches the article pages a listing points to, skipping those already stored. */
    private List<RawItem> articlesOf(SourceConfig source, List<RawItem> listed, List<String> warnings, Timing time) {
        List<RawItem> out = new ArrayList<>();
        int fetched = 0;
        for (RawItem entry : listed) {
            if (fetched >= MAX_PAGES_PER_PASS) {
                warnings.add((listed.size() - fetched) + " more listed pages left for the next pass");
                break;
            }
            if (ingestor.alreadyStored(source.id(), entry.url())) continue;
            fetched++;
            FetchResult r = time.fetch(new FetchRequest(source.id(), URI.create(entry.url()), Validators.NONE,
                    source.encoding(), source.robots()));
            if (r instanceof FetchResult.Fetched page) {
                Extraction article = pages(source).extractArticle(page.text(), page.finalUrl());
                warnings.addAll(article.warnings());
                RawItem main = null;
                for (RawItem item : article.items()) {
                    if (item.role() == Role.MAIN) {
                        main = completeFrom(item, entry);
                        out.add(main);
                    } else {
                        out.add(datedAs(item, main));
                    }
                }
            } else if (r instanceof FetchResult.Failed failed) {
                warnings.add("article page " + failed.message());
            }
        }
        return out;
    }

    /** Feed items that carry only a teaser get the body of their page. */
    private List<RawItem> withFullText(SourceConfig source, List<RawItem> items, List<String> warnings, Timing time) {
        List<RawItem> out = new ArrayList<>();
        int fetched = 0;
        for (RawItem item : items) {
            // an item without a page of its own has the feed's address as its link: that page is not its text
            if (!item.hasOwnPage() || fetched >= MAX_PAGES_PER_PASS
                    || ingestor.alreadyStored(source.id(), item.guid() == null ? item.url() : item.guid())) {
                out.add(item);
                continue;
            }
            fetched++;
            FetchResult r = time.fetch(new FetchRequest(source.id(), URI.create(item.url()), Validators.NONE,
                    source.encoding(), source.robots()));
            RawItem full = item;
            if (r instanceof FetchResult.Fetched page) {
                Extraction article = pages(source).extractArticle(page.text(), page.finalUrl());
                RawItem main = article.items().stream().filter(i -> i.role() == Role.MAIN).findFirst().orElse(null);
                if (main != null && main.text().length() > item.text().length()) {
                    full = new RawItem(item.sourceId(), item.url(), item.guid(), item.title(), main.html(), main.text(),
                            item.publishedRaw(), item.published(), item.updated(), item.author() != null ? item.author() : main.author(),
                            item.image() != null ? item.image() : main.image(), item.categories(), Role.MAIN, null);
                }
            } else if (r instanceof FetchResult.Failed failed) {
                warnings.add("full text " + failed.message());
            }
            out.add(full);
        }
        return out;
    }

    /**
     * An other-news item of a page dated only by the listing that linked to it takes that date, as it
     * would have taken the page's own (see PageExtractor): what a page appends was out by then.
     */
    private static RawItem datedAs(RawItem other, RawItem page) {
        if (page == null || other.published() != null || other.publishedRaw() != null) return other;
        return new RawItem(other.sourceId(), other.url(), other.guid(), other.title(), other.html(), other.text(),
                page.publishedRaw(), page.published(), other.updated(), other.author(), other.image(), other.categories(),
                other.role(), other.parentUrl());
    }

    /** The listing often has what the article page lacks (a date, an image). */
    private static RawItem completeFrom(RawItem article, RawItem listed) {
        return new RawItem(article.sourceId(), article.url(), listed.url(),
                article.title().isBlank() ? listed.title() : article.title(), article.html(), article.text(),
                article.publishedRaw() != null ? article.publishedRaw() : listed.publishedRaw(),
                article.published() != null ? article.published() : listed.published(), article.updated(),
                article.author(), article.image() != null ? article.image() : listed.image(), article.categories(),
                Role.MAIN, null);
    }
}
