package org.nashra.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.nashra.config.SourceConfig;
import org.nashra.ingest.PassSummary;
import org.nashra.ingest.SourceRefresher;
import org.nashra.store.SourceRepository;
import org.nashra.store.SourceState;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Quartz job per source, fired at the source's next due time as stored in the database;
 * after each pass the trigger moves to the new due time. The schedule is data: a restart picks
 * up where the database says, spread by a per-source jitter so sources do not all fire at once.
 * {@link #passNow} runs the same jobs once, off schedule, for {@code nashra fetch}: the same worker
 * threads, the same leases.
 */
public final class RefreshScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RefreshScheduler.class);
    private static final String GROUP = "sources";
    /** Job data of a one-shot firing: which waiting pass it completes. */
    private static final String TICKET = "ticket";
    private static final Map<String, RefreshScheduler> INSTANCES = new ConcurrentHashMap<>();

    private final Scheduler scheduler;
    private final SourceRefresher refresher;
    private final SourceRepository sources;
    private final Map<String, SourceConfig> configs = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Consumer<PassSummary> afterPass;
    private final String name;
    /** Who holds a source's lease: unique per process, readable in the sources table. */
    private final String nodeId;
    /** Longer than any pass can take (deadline per request times pages per pass), short enough to recover. */
    private static final Duration LEASE = Duration.ofMinutes(15);
    /** The store's next due time of each source when this node last planned its firing ({@link #plan}). */
    private final Map<String, Optional<Instant>> plannedOn = new ConcurrentHashMap<>();
    /** One-shot passes not yet run, by ticket. */
    private final Map<String, CompletableFuture<PassSummary>> waiting = new ConcurrentHashMap<>();

    /**
     * @param afterPass told of every finished pass (the web layer invalidates feed caches there)
     */
    public RefreshScheduler(SourceRefresher refresher, SourceRepository sources, int threads, Clock clock,
                            Consumer<PassSummary> afterPass) {
        this.refresher = refresher;
        this.sources = sources;
        this.clock = clock;
        this.afterPass = afterPass;
        this.name = "nashra-" + Integer.toHexString(System.identityHashCode(this));
        this.nodeId = hostName() + "/" + ProcessHandle.current().pid() + "/" + name;
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", name);
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        try {
            this.scheduler = new StdSchedulerFactory(p).getScheduler();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot create the Quartz scheduler: " + e.getMessage(), e);
        }
        INSTANCES.put(name, this);
    }

    public void start(List<SourceConfig> all) {
        try {
            for (SourceConfig s : all) {
                configs.put(s.id(), s);
                SourceState state = sources.find(s.id()).orElse(null);
                planOn(s.id(), state);
                Instant due = firstDue(s, state);
                scheduler.scheduleJob(job(s.id()), trigger(s.id(), due));
            }
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule sources: " + e.getMessage(), e);
        }
    }

    /**
     * feeds.yml was edited while serving: {@code all} are the sources from now on. An added source is
     * scheduled as at start; a removed one loses its trigger (a pass of it already running finishes, and
     * is not scheduled again); a changed one runs with its new settings from its next pass, which comes
     * no later than the new {@code interval} after its last attempt (a shorter interval takes effect
     * now, not after the old plan), or as at start when its url changed.
     */
    public void reconfigure(List<SourceConfig> all) {
        Map<String, SourceConfig> next = new java.util.LinkedHashMap<>();
        for (SourceConfig s : all) next.put(s.id(), s);
        try {
            for (String id : List.copyOf(configs.keySet())) {
                if (next.containsKey(id)) continue;
                scheduler.deleteJob(JobKey.jobKey(id, GROUP)); // its trigger goes with it
                configs.remove(id);
                plannedOn.remove(id);
                log.info("source {}: removed from the configuration, no longer scheduled", id);
            }
            for (SourceConfig s : next.values()) {
                // a source as it was, with its trigger, is left alone; one whose scheduling failed in an
                // earlier attempt at this edit is not, though its settings are already the new ones
                boolean triggered = scheduler.checkExists(TriggerKey.triggerKey(s.id(), GROUP));
                SourceConfig before = configs.get(s.id());
                if (s.equals(before) && triggered) continue;
                // before the trigger: a trigger due now may fire at once, and a firing finds its source here
                configs.put(s.id(), s);
                SourceState state = sources.find(s.id()).orElse(null);
                planOn(s.id(), state);
                Instant due = before == null || before.equals(s) ? firstDue(s, state) : dueAfterChange(before, s, state);
                JobKey key = JobKey.jobKey(s.id(), GROUP);
                if (triggered) {
                    reschedule(s.id(), due);
                } else if (scheduler.checkExists(key)) {
                    // a job without a trigger: passNow adds such jobs
                    scheduler.scheduleJob(TriggerBuilder.newTrigger().withIdentity(s.id(), GROUP).forJob(key)
                            .startAt(Date.from(due)).build());
                } else {
                    scheduler.scheduleJob(job(s.id()), trigger(s.id(), due));
                }
                log.info("source {}: {}, next pass at {}", s.id(), before == null ? "added to the configuration"
                        : before.equals(s) ? "scheduled again" : "settings changed", due);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot reschedule the sources of the edited configuration: " + e.getMessage(), e);
        }
    }

    /** The sources that have a trigger: those a pass will come to. */
    public java.util.Set<String> scheduled() {
        try {
            java.util.Set<String> ids = new java.util.TreeSet<>();
            for (TriggerKey k : scheduler.getTriggerKeys(org.quartz.impl.matchers.GroupMatcher.triggerGroupEquals(GROUP))) {
                ids.add(k.getName());
            }
            return ids;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot list the scheduled sources: " + e.getMessage(), e);
        }
    }

    /**
     * When a source whose settings changed is next due: as at start when it has no plan (its url changed),
     * else its planned time, but no later than the new interval after its last attempt.
     */
    Instant dueAfterChange(SourceConfig before, SourceConfig after, SourceState state) {
        Instant due = firstDue(after, state);
        if (state == null || state.lastAttempt() == null || after.interval().equals(before.interval())) return due;
        Instant byNewInterval = state.lastAttempt().plus(after.interval());
        if (!byNewInterval.isBefore(due)) return due;
        Instant now = clock.instant();
        return byNewInterval.isBefore(now) ? now : byNewInterval;
    }

    /** Due now for sources never fetched or overdue, spread over a minute by a stable jitter. */
    Instant firstDue(SourceConfig s, SourceState state) {
        Instant now = clock.instant();
        long spreadMs = Math.floorMod(s.id().hashCode(), 60_000);
        if (state == null || state.nextDue() == null) return now.plusMillis(spreadMs / 30); // first run: within 2 s
        return state.nextDue().isBefore(now) ? now.plusMillis(spreadMs) : state.nextDue();
    }

    /**
     * One pass over each source now, off schedule: on this scheduler's worker threads (worker_threads at a
     * time, as scheduled passes run) and under the same leases, so a slow source holds one worker, not the
     * others. A source whose lease another process holds is not fetched and comes back {@code busy}. The
     * sources' schedule is left as it is.
     *
     * @return a pass per source, in the order given; a pass that threw is a failed pass on the source's
     *         health, as a scheduled one is (only when even that cannot be recorded does it complete exceptionally)
     */
    public List<CompletableFuture<PassSummary>> passNow(List<SourceConfig> chosen) {
        List<CompletableFuture<PassSummary>> passes = new ArrayList<>();
        try {
            for (SourceConfig s : chosen) {
                configs.put(s.id(), s);
                JobKey key = JobKey.jobKey(s.id(), GROUP);
                if (!scheduler.checkExists(key)) scheduler.addJob(job(s.id()), false);
                String ticket = UUID.randomUUID().toString();
                CompletableFuture<PassSummary> pass = new CompletableFuture<>();
                waiting.put(ticket, pass);
                passes.add(pass);
                scheduler.triggerJob(key, new JobDataMap(Map.of(TICKET, ticket)));
            }
            if (!scheduler.isStarted()) scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot run a pass now: " + e.getMessage(), e);
        }
        return passes;
    }

    /**
     * Gives up this scheduler's leases at once, without waiting for the passes holding them: for a process
     * that is being stopped mid-pass, so that the service need not wait out the lease to fetch those sources.
     */
    public void releaseLeases() {
        sources.releaseAll(nodeId);
    }

    private JobDetail job(String sourceId) {
        return JobBuilder.newJob(RefreshJob.class).withIdentity(sourceId, GROUP)
                .usingJobData("scheduler", name).usingJobData("source", sourceId).storeDurably().build();
    }

    private static Trigger trigger(String sourceId, Instant at) {
        return TriggerBuilder.newTrigger().withIdentity(sourceId, GROUP).startAt(Date.from(at)).build();
    }

    /**
     * A scheduled firing: one pass, then the source's trigger moves to its next due time. The trigger
     * fires once, so the move happens whatever the pass did: a pass that threw used to leave its source
     * unscheduled until a restart. Such a pass is recorded in the source's health and counted as failed.
     */
    void run(String sourceId) {
        SourceConfig s = configs.get(sourceId);
        if (s == null) return;
        Instant start = clock.instant();
        Instant next = null;
        try {
            next = scheduledPass(s);
        } catch (RuntimeException e) {
            PassSummary failed = refresher.failedUnexpectedly(s, start, e);
            tell(failed);
            remember(sourceId);
            next = failed.nextDue();
        } finally {
            // also after an Error: the source comes back after min_interval rather than never
            reschedule(sourceId, notBeforeASecond(s, next));
        }
    }

    /**
     * One pass under the lease, unless another node made it since this one planned the firing; when
     * the next pass is due. Each node plans its sources in memory, so without that check every node
     * passed every source at its own times and an outlet was polled once per node: the node that
     * found a source busy came back after min_interval and, the lease free again, fetched it anew.
     */
    private Instant scheduledPass(SourceConfig s) {
        Optional<PassSummary> pass = leasedPass(s, this::notPassedSincePlanned);
        if (pass.isEmpty()) {
            // another node is on it, or has been: come back when the database says it is due
            Instant due = plan(s.id());
            return due == null || due.isBefore(clock.instant()) ? clock.instant().plus(s.minInterval()) : due;
        }
        remember(s.id());
        PassSummary summary = pass.get();
        return summary.nextDue() != null ? summary.nextDue() : clock.instant().plus(s.interval());
    }

    /** False when the store plans the source for later than now, and not as it did when this node planned the firing. */
    private boolean notPassedSincePlanned(SourceState state) {
        Optional<Instant> planned = plannedOn.get(state.id());
        Instant due = state.nextDue();
        boolean passedElsewhere = planned != null && !planned.equals(Optional.ofNullable(due))
                && due != null && due.isAfter(clock.instant());
        if (passedElsewhere) log.debug("source {}: passed by another node since planned, next due {}", state.id(), due);
        return !passedElsewhere;
    }

    /**
     * The store's next due time of a source, remembered as what this node's plan for it rests on:
     * when a firing finds another, some other node has passed the source since.
     */
    private Instant plan(String sourceId) {
        return planOn(sourceId, sources.find(sourceId).orElse(null));
    }

    private Instant planOn(String sourceId, SourceState state) {
        Instant due = state == null ? null : state.nextDue();
        plannedOn.put(sourceId, Optional.ofNullable(due));
        return due;
    }

    /** What {@link #plan} remembers, when the plan is made from elsewhere; a store it cannot read leaves the plan unchecked. */
    private void remember(String sourceId) {
        try {
            plan(sourceId);
        } catch (RuntimeException e) {
            plannedOn.remove(sourceId);
        }
    }

    /** A due time of null or within a second from now is min_interval from now: no source is polled in a loop. */
    private Instant notBeforeASecond(SourceConfig s, Instant next) {
        Instant now = clock.instant();
        return next == null || next.isBefore(now.plus(Duration.ofSeconds(1))) ? now.plus(s.minInterval()) : next;
    }

    /** A firing of {@link #passNow}: completes the pass waiting on its ticket, and leaves the schedule alone. */
    void runOnce(String sourceId, String ticket) {
        CompletableFuture<PassSummary> waiter = waiting.remove(ticket);
        if (waiter == null) return;
        SourceConfig s = configs.get(sourceId);
        Instant start = clock.instant();
        try {
            waiter.complete(leasedPass(s, state -> true).orElseGet(() -> PassSummary.busy(s.id(), s.url().toString())));
        } catch (RuntimeException e) {
            // as a scheduled pass: on the source's health and counted, so `nashra fetch` and serve agree
            try {
                PassSummary failed = refresher.failedUnexpectedly(s, start, e);
                tell(failed);
                waiter.complete(failed);
            } catch (RuntimeException recording) {
                e.addSuppressed(recording);
                waiter.completeExceptionally(e);
            }
        } catch (Error e) {
            waiter.completeExceptionally(e);
        }
    }

    /**
     * One pass under the source's lease, told to afterPass; empty when another node holds the lease,
     * or when the source's state, read under it, fails {@code go}.
     */
    private Optional<PassSummary> leasedPass(SourceConfig s, Predicate<SourceState> go) {
        if (!sources.claim(s.id(), nodeId, clock.instant(), LEASE)) return Optional.empty();
        PassSummary summary;
        try {
            if (!sources.find(s.id()).map(go::test).orElse(true)) return Optional.empty();
            summary = refresher.refresh(s);
        } finally {
            sources.release(s.id(), nodeId);
        }
        tell(summary);
        return Optional.of(summary);
    }

    private void tell(PassSummary summary) {
        try {
            afterPass.accept(summary);
        } catch (RuntimeException e) {
            log.warn("after-pass hook failed for {}", summary.sourceId(), e);
        }
    }

    private void reschedule(String sourceId, Instant at) {
        try {
            // no trigger (the source was removed from the configuration meanwhile): Quartz does nothing
            scheduler.rescheduleJob(TriggerKey.triggerKey(sourceId, GROUP), trigger(sourceId, at));
        } catch (SchedulerException e) {
            log.error("cannot reschedule source {}: {}", sourceId, e.getMessage());
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }

    /** Fires a source now (admin "refresh now"). */
    public void triggerNow(String sourceId) throws SchedulerException {
        scheduler.triggerJob(JobKey.jobKey(sourceId, GROUP));
    }

    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            log.warn("scheduler shutdown: {}", e.getMessage());
        }
        INSTANCES.remove(name);
        // passes whose firing never came (the scheduler stopped first) must not leave their caller waiting
        waiting.values().forEach(w -> w.completeExceptionally(
                new IllegalStateException("the scheduler stopped before the pass ran")));
        waiting.clear();
    }

    /** Quartz instantiates jobs itself; the job finds its scheduler by name. */
    @DisallowConcurrentExecution
    public static final class RefreshJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            JobDataMap data = context.getMergedJobDataMap();
            RefreshScheduler owner = INSTANCES.get(data.getString("scheduler"));
            if (owner == null) return;
            if (data.containsKey(TICKET)) owner.runOnce(data.getString("source"), data.getString(TICKET));
            else owner.run(data.getString("source"));
        }
    }
}
