package dezero.utils;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * Atomic file replacement: the content goes to a temporary file in the target's directory,
 * which is forced to disk, closed and then renamed over the target ({@code ATOMIC_MOVE}, or
 * {@code REPLACE_EXISTING} where the file system cannot rename atomically). If anything fails
 * on the way, the temporary file is deleted and the old target is left as it was.
 */
final class AtomicFiles {
    /** Writes the content to the stream it is given; the stream is closed by {@link #write}. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    static void write(Path target, Content content) throws IOException {
        write(target, content, UnaryOperator.identity());
    }

    /** As {@link #write(Path, Content)}; {@code wrap} decorates the stream (tests inject failures with it). */
    static void write(Path target, Content content, UnaryOperator<OutputStream> wrap) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new IOException(target + ": cannot save here, it is a directory");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(target.toString(), null, "the directory " + dir + " does not exist");
        }
        Path temp = null;
        boolean moved = false;
        try {
            FileChannel channel = null;
            for (int attempt = 0; channel == null; attempt++) {
                temp = dir.resolve("." + absolute.getFileName() + "."
                        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
                try {
                    channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 10) {
                        throw e;
                    }
                    temp = null;
                }
            }
            try (FileChannel ch = channel) {
                OutputStream out = wrap.apply(new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16));
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved && temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original failure matters more; a stray hidden .tmp file is the worst case
                }
            }
        }
        forceDirectory(dir);
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
