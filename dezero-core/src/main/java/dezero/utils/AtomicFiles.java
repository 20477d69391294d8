package dezero.utils;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Atomic file replacement: the content goes to a hidden temporary file in the target's directory
 * ({@code .name.<hex>.tmp}), which is forced to disk, optionally checked, and then renamed over the
 * target ({@code ATOMIC_MOVE}, or {@code REPLACE_EXISTING} where the file system cannot rename
 * atomically). If anything fails on the way, the temporary file is deleted and the old target is
 * left as it was.
 *
 * <p>A process killed while writing cannot delete its temporary file, so each write first deletes
 * the temporary files of the same target that no live writer holds: a writer keeps its temporary
 * file locked ({@link FileChannel#lock()}) until it is renamed, and a file whose lock can be taken
 * belongs to a writer that is gone. Where the file system has no locks, nothing is deleted.
 *
 * <pre>{@code
 * AtomicFiles.write(Path.of("out/model.npz"), out -> out.write(bytes));
 * }</pre>
 */
public final class AtomicFiles {
    /** Writes the content to the stream it is given; the stream is closed by {@link #write}. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Checks the written temporary file before it replaces the target; throws to reject it. */
    @FunctionalInterface
    public interface Check {
        void check(Path written) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Replaces {@code target} by what {@code content} writes, atomically. */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, written -> { }, UnaryOperator.identity());
    }

    /** As {@link #write(Path, Content)}, renaming the written file over {@code target} only if {@code check} accepts it. */
    public static void write(Path target, Content content, Check check) throws IOException {
        write(target, content, check, UnaryOperator.identity());
    }

    /** As {@link #write(Path, Content)}; {@code wrap} decorates the stream (tests inject failures with it). */
    static void writeWrapped(Path target, Content content, UnaryOperator<OutputStream> wrap) throws IOException {
        write(target, content, written -> { }, wrap);
    }

    private static void write(Path target, Content content, Check check, UnaryOperator<OutputStream> wrap)
            throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new IOException(target + ": cannot save here, it is a directory");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(target.toString(), null, "the directory " + dir + " does not exist");
        }
        String name = absolute.getFileName().toString();
        Path temp = null;
        boolean moved = false;
        try {
            FileChannel channel = null;
            for (int attempt = 0; channel == null; attempt++) {
                temp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
                try {
                    channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 10) {
                        throw e;
                    }
                    temp = null;
                }
            }
            try (FileChannel ch = channel; FileLock lock = lockIfPossible(ch)) {
                if (lock != null) {
                    deleteStale(dir, name, temp);
                }
                OutputStream out = wrap.apply(new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16));
                content.writeTo(out);
                out.flush();
                ch.force(true);
                check.check(temp);
                // renamed while still locked, so that no other writer takes it for a stale file
                try {
                    Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
                moved = true;
            }
        } finally {
            if (!moved && temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original failure matters more; the next write of the target deletes the file
                }
            }
        }
        forceDirectory(dir);
    }

    private static FileLock lockIfPossible(FileChannel ch) {
        try {
            return ch.lock();
        } catch (IOException | UnsupportedOperationException e) {
            return null;   // no locks here (some network file systems): stale files are then left alone
        }
    }

    /** Deletes the temporary files {@code .name.<hex>.tmp} other than {@code own} whose writers are gone. */
    private static void deleteStale(Path dir, String name, Path own) {
        Pattern temporary = Pattern.compile("\\." + Pattern.quote(name) + "\\.[0-9a-f]{1,16}\\.tmp");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
                p -> temporary.matcher(p.getFileName().toString()).matches() && !p.equals(own))) {
            for (Path stale : files) {
                try (FileChannel ch = FileChannel.open(stale, StandardOpenOption.WRITE);
                     FileLock lock = ch.tryLock()) {
                    if (lock != null) {
                        Files.deleteIfExists(stale);
                    }
                } catch (IOException | OverlappingFileLockException e) {
                    // in use by this JVM, gone meanwhile, or not ours to open: leave it
                }
            }
        } catch (IOException e) {
            // an unreadable directory only means nothing is cleaned up
        }
    }

    /** Makes the rename durable where the platform allows opening a directory (Linux, macOS). */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open directories; the rename itself is still atomic there
        }
    }
}
