package org.breakout.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The store on PostgreSQL: the same migrations and every kind of row, read back. Runs when
 * {@code BREAKOUT_TEST_POSTGRES_URL} names a database to use (e.g. jdbc:postgresql://127.0.0.1:5432/breakout, with
 * {@code BREAKOUT_TEST_POSTGRES_USER}); skipped otherwise. The test's rows are in their own ids.
 */
class PostgresStoreTest {

    @Test
    void migratesAndStoresEveryKindOfRow() {
        String url = System.getenv("BREAKOUT_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "set BREAKOUT_TEST_POSTGRES_URL to run on PostgreSQL");
        StoreRoundTrip.check(Store.open(url, System.getenv("BREAKOUT_TEST_POSTGRES_USER"),
                System.getenv("BREAKOUT_TEST_POSTGRES_PASSWORD")));
    }

    /** The same round trip on H2, so that both databases are held to it. */
    @Test
    void h2StoresEveryKindOfRow(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        StoreRoundTrip.check(Store.open("jdbc:h2:file:" + dir.resolve("db"), null, null));
    }

    static final class StoreRoundTrip {
        static void check(Store opened) {
            try (Store store = opened) {
                String event = Store.newId("e");
                long organiser = store.addOrganiser(Store.newId("hash"));
                assertThat(store.organiserByTokenHash("nope")).isEmpty();
                store.insertEvent(new Store.EventRow(event, organiser, "Netwerkdag", Instant.now(), "{\"p\":1}",
                        "{\"p\":1}", null));
                assertThat(store.events(organiser)).extracting(Store.EventRow::id).containsExactly(event);
                byte[] bytes = "naam;e-mail\nJ. Jansen;j@example.nl\n".getBytes(StandardCharsets.UTF_8);
                String upload = Store.newId("u");
                store.insertUpload(new Store.UploadRow(upload, event, "registrations", "x.csv", bytes.length, bytes,
                        Instant.now(), "pending", "{}", "{\"r\":1}", "{\"e\":1}"));
                assertThat(store.upload(upload).orElseThrow().content()).isEqualTo(bytes);
                store.setEventInput(event, "{\"e\":1}", upload);
                assertThat(store.event(event).orElseThrow().currentInput()).isEqualTo("{\"e\":1}");
                String job = Store.newId("j");
                store.insertJob(new Store.JobRow(job, event, "solve", Store.JobState.QUEUED, "{}", "{\"e\":1}", null,
                        upload, Instant.now(), null, null, null, null, null, null));
                store.jobStarted(job, Instant.now());
                store.jobProgress(job, "{\"elapsedMs\":1}", "{\"best\":1}");
                assertThat(store.activeJobs()).extracting(Store.JobRow::id).contains(job);
                Store.VersionRow v1 = store.insertVersion(event, job, "solve", "{\"v\":1}", "0hard/0medium/-1soft", null,
                        null);
                Store.VersionRow v2 = store.insertVersion(event, job, "reallocate", "{\"v\":2}", "0hard/0medium/-2soft",
                        "{\"c\":1}", "id,name\n");
                assertThat(v2.number()).isEqualTo(v1.number() + 1);
                store.jobEnded(job, Store.JobState.FINISHED, Instant.now(), null, v2.id());
                assertThat(store.job(job).orElseThrow().versionId()).isEqualTo(v2.id());
                store.publish(v1.id(), Instant.now());
                assertThat(store.latestPublished(event).orElseThrow().id()).isEqualTo(v1.id());
                assertThat(store.versions(event)).extracting(Store.VersionRow::hasChangeReport).containsExactly(false,
                        true);
                assertThat(store.versionDocument(v2.id())).isEqualTo("{\"v\":2}");
                assertThat(store.changeReport(v2.id())).contains("{\"c\":1}");
                assertThat(store.notifyCsv(v1.id())).isEmpty();
            }
        }
    }
}
