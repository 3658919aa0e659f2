package org.nashra.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nashra.dedup.TestItems.T0;
import static org.nashra.dedup.TestItems.item;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nashra.config.DedupSettings;
import org.nashra.dedup.Candidate;
import org.nashra.dedup.Clusterer;
import org.nashra.dedup.Deduplicator;
import org.nashra.dedup.Fingerprint;
import org.nashra.dedup.Fingerprinter;
import org.nashra.dedup.MatchDecision;
import org.nashra.text.NormalizedItem;
import org.postgresql.ds.PGSimpleDataSource;

class JdbcStoryIndexIT {
    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final Duration WINDOW = Duration.ofHours(72);

    private static final String WIRE = "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد للأطفال في مدينة الدمام بسعة 300 سرير، "
            + "ويضم المستشفى أقساما للعناية المركزة وجراحة القلب والأورام، وقال وزير الصحة في كلمة خلال حفل الافتتاح إن "
            + "المشروع يأتي ضمن خطة الوزارة لتوسيع الخدمات الصحية في المنطقة الشرقية وتقليل فترات الانتظار للمرضى، "
            + "وأضاف أن المستشفى سيبدأ استقبال المراجعين مطلع الشهر المقبل بعد اكتمال تجهيز غرف العمليات وتدريب الكوادر.";
    private static final String OTHER = "قررت هيئة الطيران المدني زيادة عدد الرحلات الداخلية بين الرياض وجدة خلال موسم "
            + "الصيف لمواجهة الطلب المتزايد على السفر، وأوضحت الهيئة في بيان أن الناقلات الوطنية ستشغل رحلات إضافية يوميا "
            + "اعتبارا من الأسبوع المقبل، مع مراجعة أسعار التذاكر ومتابعة التزام الشركات بمعايير الخدمة والسلامة في المطارات.";

    @Test
    void h2FileLikeMemoryDatabase() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:dedup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        exercise(ds);
    }

    @Test
    void postgresql() throws Exception {
        String user = pgUser();
        Assumptions.assumeTrue(user != null, "PostgreSQL does not answer at " + PG_URL + " as postgres or root: skipped");
        String schema = "dedup_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(PG_URL, user, ""); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(PG_URL + "?currentSchema=" + schema);
            ds.setUser(user);
            exercise(ds);
        } finally {
            try (Connection c = DriverManager.getConnection(PG_URL, user, ""); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static String pgUser() {
        for (String user : List.of("postgres", "root")) {
            try (Connection c = DriverManager.getConnection(PG_URL, user, "")) {
                return user;
            } catch (SQLException e) {
                // try the next user
            }
        }
        System.err.println("JdbcStoryIndexIT: PostgreSQL not reachable at " + PG_URL + ", PostgreSQL case skipped");
        return null;
    }

    private void exercise(DataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        JdbcStoryIndex index = new JdbcStoryIndex(ds, WINDOW);
        Deduplicator dedup = new Deduplicator(index, new DedupSettings(Duration.ofHours(72), 0.5));

        NormalizedItem wire = item("spa", "https://spa.example/1", "افتتاح مستشفى جديد للأطفال في الدمام", WIRE, T0);
        MatchDecision first = dedup.decide(wire);
        assertThat(first.storyId()).isNull();
        index.add(1, 100, wire, first.fingerprint());

        NormalizedItem copy = item("okaz", "https://okaz.example/a", "الصحة تفتتح مستشفى للأطفال بالدمام",
                "الدمام - واس: " + WIRE, T0.plusSeconds(3600));
        MatchDecision second = dedup.decide(copy);
        assertThat(second.storyId()).isEqualTo(100L);
        assertThat(second.rule()).isEqualTo("near");
        index.add(2, 100, copy, second.fingerprint());

        NormalizedItem unrelated = item("okaz", "https://okaz.example/b", "زيادة الرحلات الداخلية في الصيف", OTHER,
                T0.plusSeconds(7200));
        MatchDecision third = dedup.decide(unrelated);
        assertThat(third.storyId()).isNull();
        index.add(3, 101, unrelated, third.fingerprint());

        // the same URL seen again from another category page is an exact match
        NormalizedItem again = item("okaz", "https://okaz.example/b", "زيادة الرحلات", "", T0.plusSeconds(9000));
        assertThat(dedup.decide(again).rule()).isEqualTo("url");

        // the fingerprint survives the round trip through the database
        List<Candidate> found = index.candidates(copy, Fingerprinter.of(copy), T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)));
        assertThat(found).extracting(Candidate::itemId).contains(1L, 2L).doesNotContain(3L);
        Candidate stored = found.stream().filter(c -> c.itemId() == 2L).findFirst().orElseThrow();
        assertThat(stored.fingerprint()).isEqualTo(Fingerprinter.of(copy));
        assertThat(stored.published()).isEqualTo(copy.published());
        assertThat(stored.sourceId()).isEqualTo("okaz");

        // outside the window nothing is found
        assertThat(index.candidates(copy, Fingerprinter.of(copy), T0.plus(Duration.ofDays(5)), T0.plus(Duration.ofDays(6)))).isEmpty();

        assertThat(index.members(100, T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)), 10))
                .extracting(Candidate::itemId).containsExactly(1L, 2L);
        assertThat(index.members(100, T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)), 1))
                .extracting(Candidate::itemId).containsExactly(1L);

        // a second node (or this one after a restart) derives the same keys from the rows
        JdbcStoryIndex restarted = new JdbcStoryIndex(ds, WINDOW);
        assertThat(restarted.candidates(copy, Fingerprinter.of(copy), T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1))))
                .extracting(Candidate::itemId).contains(1L, 2L).doesNotContain(3L);
        // and sees an item the first node adds after its own first lookup
        NormalizedItem late = item("madina", "https://madina.example/9", "مستشفى للأطفال في الدمام",
                "الدمام (واس) " + WIRE, T0.plusSeconds(10_000));
        index.add(4, 100, late, Fingerprinter.of(late));
        assertThat(restarted.candidates(late, Fingerprinter.of(late), T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1))))
                .extracting(Candidate::itemId).contains(4L);

        assertThat(index.purgeBefore(T0.plusSeconds(1800))).isEqualTo(1);
        assertThat(index.members(100, T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)), 10))
                .extracting(Candidate::itemId).containsExactly(2L, 4L);
        assertThat(new JdbcStoryIndex(ds, WINDOW).candidates(copy, Fingerprinter.of(copy), T0.minus(Duration.ofDays(1)),
                T0.plus(Duration.ofDays(1)))).extracting(Candidate::itemId).doesNotContain(1L).contains(2L);
    }

    /** An index written before V6 (keys in story_bands, no words before V5) is still found after the upgrade. */
    @Test
    void itemsStoredBeforeV6AreFoundAfterTheUpgrade() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:dedup-v5-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("5").load().migrate();
        NormalizedItem wire = item("spa", "https://spa.example/1", "افتتاح مستشفى جديد للأطفال في الدمام", WIRE, T0);
        Fingerprint fp = Fingerprinter.of(wire);
        try (Connection c = ds.getConnection(); var ps = c.prepareStatement("INSERT INTO story_fingerprints (item_id, story_id, "
                + "source_id, role, published_at, title_only, url_hash, body_hash, title_hash, shingles, title_tokens, numbers) "
                + "VALUES (1, 100, 'spa', 'main', ?, FALSE, ?, ?, ?, ?, ?, '')")) {
            ps.setObject(1, java.time.OffsetDateTime.ofInstant(T0, java.time.ZoneOffset.UTC));
            ps.setLong(2, fp.urlHash());
            ps.setLong(3, fp.bodyHash());
            ps.setLong(4, fp.titleHash());
            ps.setBytes(5, Fingerprint.encode(fp.shingles()));
            ps.setBytes(6, Fingerprint.encode(fp.titleTokens()));
            ps.executeUpdate();
        }
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        NormalizedItem copy = item("okaz", "https://okaz.example/a", "افتتاح مستشفى", "الدمام - واس: " + WIRE, T0.plusSeconds(60));
        assertThat(new JdbcStoryIndex(ds, WINDOW).candidates(copy, Fingerprinter.of(copy), T0.minus(Duration.ofDays(1)),
                T0.plus(Duration.ofDays(1)))).extracting(Candidate::itemId).containsExactly(1L);
    }

    /** An item whose transaction rolled back was never stored: no later item may find it. */
    @Test
    void aRolledBackItemIsNoCandidate() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:dedup-rb-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        JdbcStoryIndex index = new JdbcStoryIndex(ds, WINDOW);
        NormalizedItem wire = item("spa", "https://spa.example/1", "افتتاح مستشفى جديد للأطفال في الدمام", WIRE, T0);
        assertThat(index.candidates(wire, Fingerprinter.of(wire), T0.minus(WINDOW), T0.plus(WINDOW))).isEmpty();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            index.add(c, 1, 100, wire, Fingerprinter.of(wire));
            c.rollback();
        }
        NormalizedItem copy = item("okaz", "https://okaz.example/a", "افتتاح مستشفى", "الدمام - واس: " + WIRE, T0.plusSeconds(60));
        assertThat(index.candidates(copy, Fingerprinter.of(copy), T0.minus(WINDOW), T0.plus(WINDOW))).isEmpty();
        index.add(2, 101, wire, Fingerprinter.of(wire));
        assertThat(index.candidates(copy, Fingerprinter.of(copy), T0.minus(WINDOW), T0.plus(WINDOW)))
                .extracting(Candidate::itemId).containsExactly(2L);
    }

    /** The service's index decides as the batch index does: the same stories for the labelled set. */
    @Test
    void theLabelledSetClustersAsInMemory() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:dedup-set-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        java.nio.file.Path file = java.nio.file.Path.of(getClass().getResource("/dedup/labelled-stories.jsonl").toURI());
        List<org.nashra.dedup.BatchItem> items = org.nashra.dedup.BatchItems.read(file);
        DedupSettings settings = DedupSettings.DEFAULT;
        java.util.Map<String, Long> inMemory = Clusterer.cluster(items, settings, T0);
        java.util.Map<String, Long> inDatabase = Clusterer.cluster(items,
                new Clusterer(new JdbcStoryIndex(ds, settings.window()), settings), T0);
        assertThat(inDatabase).isEqualTo(inMemory);
        assertThat(new java.util.HashSet<>(inMemory.values())).hasSizeLessThan(items.size() / 2);
    }

    /** A node far behind the others starts over from the rows, and still finds every item. */
    @Test
    void aNodeFarBehindFindsWhatOthersAdded() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:dedup-behind-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        JdbcStoryIndex busy = new JdbcStoryIndex(ds, WINDOW);
        JdbcStoryIndex idle = new JdbcStoryIndex(ds, WINDOW);
        NormalizedItem wire = item("spa", "https://spa.example/1", "افتتاح مستشفى جديد للأطفال في الدمام", WIRE, T0);
        NormalizedItem flight = item("okaz", "https://okaz.example/b", "زيادة الرحلات الداخلية في الصيف", OTHER, T0);
        assertThat(idle.candidates(wire, Fingerprinter.of(wire), T0.minus(WINDOW), T0.plus(WINDOW))).isEmpty();
        busy.add(1, 1, wire, Fingerprinter.of(wire));
        for (int i = 0; i < JdbcStoryIndex.MAX_CATCH_UP; i++) {
            NormalizedItem other = item("src" + i, "https://filler.example/" + i, "خبر " + i, "نص قصير " + i, T0.plusSeconds(i));
            busy.add(2 + i, 2 + i, other, Fingerprinter.of(other));
        }
        busy.add(5000, 5000, flight, Fingerprinter.of(flight));
        NormalizedItem copy = item("okaz", "https://okaz.example/a", "افتتاح مستشفى", "الدمام - واس: " + WIRE, T0.plusSeconds(60));
        assertThat(idle.candidates(copy, Fingerprinter.of(copy), T0.minus(WINDOW), T0.plus(WINDOW)))
                .extracting(Candidate::itemId).contains(1L);
        NormalizedItem flightCopy = item("madina", "https://madina.example/f", "زيادة الرحلات الداخلية", OTHER, T0.plusSeconds(90));
        assertThat(idle.candidates(flightCopy, Fingerprinter.of(flightCopy), T0.minus(WINDOW), T0.plus(WINDOW)))
                .extracting(Candidate::itemId).contains(5000L);
    }

    /** The members of the story a decision judges come from what its lookup read: one connection a decision. */
    @Test
    void aDecisionTakesOneConnection() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:dedup-once-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
        DataSource counted = (DataSource) java.lang.reflect.Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) connections.incrementAndGet();
                    try {
                        return method.invoke(h2, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        JdbcStoryIndex index = new JdbcStoryIndex(counted, WINDOW);
        Deduplicator dedup = new Deduplicator(index, new DedupSettings(WINDOW, 0.5));
        NormalizedItem wire = item("spa", "https://spa.example/1", "افتتاح مستشفى جديد للأطفال في الدمام", WIRE, T0);
        index.add(1, 100, wire, dedup.decide(wire).fingerprint());

        connections.set(0);
        MatchDecision copy = dedup.decide(item("okaz", "https://okaz.example/a", "الصحة تفتتح مستشفى للأطفال بالدمام",
                "الدمام - واس: " + WIRE, T0.plusSeconds(3600)));

        // a near match joins only a story it matches as a whole: story 100 was judged on its members
        assertThat(copy.storyId()).isEqualTo(100L);
        assertThat(copy.rule()).isEqualTo("near");
        assertThat(connections).hasValue(1);
    }
}
