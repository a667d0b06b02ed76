package no.studietur.benchmark;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.studietur.localplatform.LocalPlatform;

/** The local platform as a newcomer starts it, when something in the way stops a process. */
class LocalPlatformStartTest {

    @Test
    void aStoreThatRefusesItsDataStopsTheStartAtOnceAndSaysWhy(@TempDir Path data) throws Exception {
        Path storeFile = data.resolve("mongo/studietur.mv");
        Files.createDirectories(storeFile.getParent());
        MVStore earlier = MVStore.open(storeFile.toString());
        earlier.openMap("databases.registration.registrations").put(1L, "a document in an earlier format");
        earlier.close();
        LocalPlatform platform = new LocalPlatform(Path.of(System.getProperty("studietur.root")),
                System.getProperty("studietur.version"), data, List.of(), List.of());
        try {
            assertThatThrownBy(platform::start).hasMessageContaining("store stopped before it was ready")
                    .hasMessageContaining("written by an earlier version").hasMessageContaining("store.log");
        } finally {
            platform.stop();
        }
    }
}
