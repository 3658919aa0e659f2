package org.nashra.web;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Integration tests against one {@link TestServer} started for the test class. */
abstract class ServedIT {
    static TestServer server;

    @BeforeAll
    static void startServer(@TempDir Path dir) throws Exception {
        server = TestServer.start(dir);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }
}
