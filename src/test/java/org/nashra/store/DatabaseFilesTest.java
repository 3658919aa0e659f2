package org.nashra.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashra.config.DatabaseSettings;

/** What the embedded database leaves in the operator's data directory. */
class DatabaseFilesTest {
    @TempDir Path data;

    @Test
    void aFailedStatementLeavesNoTraceFileBesideTheDatabase() throws Exception {
        try (Database db = Database.open(new DatabaseSettings(DatabaseSettings.embeddedUrl(data), "sa", "", 2, false));
             Connection c = db.dataSource().getConnection();
             Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("select * from no_such_table")).isInstanceOf(SQLException.class);
        }
        assertThat(files()).contains("nashra.mv.db").noneMatch(name -> name.endsWith(".trace.db"));
    }

    @Test
    void aDataDirectoryInUseIsNamedAsSuchAndLeavesNoTraceFile() throws Exception {
        DatabaseSettings settings = new DatabaseSettings(DatabaseSettings.embeddedUrl(data), "sa", "", 2, false);
        Database.open(settings).close();
        // the lock another process (serve) holds on the store file
        try (FileChannel file = FileChannel.open(data.resolve("nashra.mv.db"), StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = file.lock()) {
            assertThatThrownBy(() -> Database.open(settings))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("another process has it open")
                    .hasMessageContaining("PostgreSQL");
        }
        assertThat(files()).noneMatch(name -> name.endsWith(".trace.db"));
    }

    @Test
    void anOperatorsOwnTraceSettingIsKept() {
        assertThat(Database.withoutTraceFile("jdbc:h2:file:/d/nashra;TRACE_LEVEL_FILE=2")).isEqualTo("jdbc:h2:file:/d/nashra;TRACE_LEVEL_FILE=2");
        assertThat(Database.withoutTraceFile("jdbc:postgresql://db/nashra")).isEqualTo("jdbc:postgresql://db/nashra");
    }

    private java.util.List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(data)) {
            return list.map(p -> p.getFileName().toString()).toList();
        }
    }
}
