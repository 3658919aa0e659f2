package org.nashra.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.nashra.config.SourceConfig;
import org.nashra.ingest.PassSummary;
import org.nashra.ingest.SourceRefresher;
import org.nashra.store.SourceRepository;
import org.nashra.store.SourceState;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
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
 */
public final class RefreshScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RefreshScheduler.class);
    private static final String GROUP = "sources";
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
                Instant due = firstDue(s, sources.find(s.id()).orElse(null));
                JobDetail job = JobBuilder.newJob(RefreshJob.class).withIdentity(s.id(), GROUP)
                        .usingJobData("scheduler", name).usingJobData("source", s.id()).storeDurably().build();
                scheduler.scheduleJob(job, trigger(s.id(), due));
            }
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule sources: " + e.getMessage(), e);
        }
    }

    /** Due now for sources never fetched or overdue, spread over a minute by a stable jitter. */
    Instant firstDue(SourceConfig s, SourceState state) {
        Instant now = clock.instant();
        long spreadMs = Math.floorMod(s.id().hashCode(), 60_000);
        if (state == null || state.nextDue() == null) return now.plusMillis(spreadMs / 30); // first run: within 2 s
        return state.nextDue().isBefore(now) ? now.plusMillis(spreadMs) : state.nextDue();
    }

    private static Trigger trigger(String sourceId, Instant at) {
        return TriggerBuilder.newTrigger().withIdentity(sourceId, GROUP).startAt(Date.from(at)).build();
    }

    void run(String sourceId) {
        SourceConfig s = configs.get(sourceId);
        if (s == null) return;
        if (!sources.claim(sourceId, nodeId, clock.instant(), LEASE)) {
            // another node is on it; come back when the database says it is due
            Instant due = sources.find(sourceId).map(SourceState::nextDue).orElse(null);
            reschedule(sourceId, due == null || due.isBefore(clock.instant()) ? clock.instant().plus(s.minInterval()) : due);
            return;
        }
        PassSummary summary;
        try {
            summary = refresher.refresh(s);
        } finally {
            sources.release(sourceId, nodeId);
        }
        try {
            afterPass.accept(summary);
        } catch (RuntimeException e) {
            log.warn("after-pass hook failed for {}", sourceId, e);
        }
        Instant next = summary.nextDue() != null ? summary.nextDue() : clock.instant().plus(s.interval());
        if (next.isBefore(clock.instant().plus(Duration.ofSeconds(1)))) next = clock.instant().plus(s.minInterval());
        reschedule(sourceId, next);
    }

    private void reschedule(String sourceId, Instant at) {
        try {
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
    }

    /** Quartz instantiates jobs itself; the job finds its scheduler by name. */
    @DisallowConcurrentExecution
    public static final class RefreshJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            RefreshScheduler owner = INSTANCES.get(context.getMergedJobDataMap().getString("scheduler"));
            if (owner != null) owner.run(context.getMergedJobDataMap().getString("source"));
        }
    }
}
