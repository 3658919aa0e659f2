package org.nashra.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The claim of one {@code nashra demo} on its data directory. A demo empties the directory at
 * each start; a second demo on the same {@code --data} used to delete the database of the first
 * under its feet (the first went on serving from a deleted file and lost every write). H2's own
 * lock cannot guard this: the files are gone before anything opens them. The lock file sits beside
 * the directory, so emptying it does not drop the claim; the OS releases it when the process ends.
 */
final class DemoLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DemoLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Claims {@code dir}, or says which directory another demo holds. */
    static DemoLock claim(Path dir) throws IOException {
        Path file = dir.resolveSibling(dir.getFileName() + ".lock");
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another nashra demo is running on " + dir.toAbsolutePath()
                    + " (it holds " + file.toAbsolutePath() + "); stop it, or give this one another --data directory");
        }
        return new DemoLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
