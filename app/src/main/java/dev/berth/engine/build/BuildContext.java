package dev.berth.engine.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A build context folder as the tar the engine expects, written as a stream: files are read one at
 * a time while the tar is being sent, so a large context never sits in memory. Honours
 * {@code .dockerignore}; the Dockerfile and {@code .dockerignore} are always sent, and a
 * Dockerfile outside the context travels under a private name, like the docker CLI does it.
 */
public final class BuildContext {

    private final Path dir;
    private final Path dockerfile;
    private final String dockerfileName;
    private final boolean dockerfileOutside;
    private final DockerIgnore ignore;

    private BuildContext(Path dir, Path dockerfile, String dockerfileName, boolean dockerfileOutside,
                         DockerIgnore ignore) {
        this.dir = dir;
        this.dockerfile = dockerfile;
        this.dockerfileName = dockerfileName;
        this.dockerfileOutside = dockerfileOutside;
        this.ignore = ignore;
    }

    /**
     * Checks the folder and Dockerfile (with the messages the docker CLI gives) and reads the
     * {@code .dockerignore}.
     */
    public static BuildContext of(Path contextDir, Path dockerfile) throws IOException {
        Path dir = contextDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "the build context must be a folder");
        }
        Path file = (dockerfile == null ? dir.resolve("Dockerfile") : dockerfile.toAbsolutePath()).normalize();
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "Cannot locate specified Dockerfile");
        }
        boolean outside = !file.startsWith(dir);
        String name = outside ? ".dockerfile." + UUID.randomUUID().toString().replace("-", "").substring(0, 20)
                : slashes(dir.relativize(file));
        DockerIgnore ignore = DockerIgnore.read(dir);
        if (!outside) {
            ignore = ignore.keeping(name, ".dockerignore");
        } else {
            ignore = ignore.keeping(".dockerignore");
        }
        return new BuildContext(dir, file, name, outside, ignore);
    }

    /** The Dockerfile's path inside the tar, for the engine's {@code dockerfile} parameter. */
    public String dockerfileName() {
        return dockerfileName;
    }

    /** The context-relative paths that will be sent (folders end with {@code /}), in tar order. */
    public List<String> entries() throws IOException {
        List<String> out = new ArrayList<>();
        walk(dir, "", (path, relative, attrs) -> out.add(attrs.isDirectory() ? relative + "/" : relative));
        if (dockerfileOutside) {
            out.add(dockerfileName);
        }
        return out;
    }

    /** Writes the tar to {@code out} (left open); an unreadable file fails with its path. */
    public void writeTar(OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new NonClosing(out), "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        walk(dir, "", (path, relative, attrs) -> add(tar, path, attrs.isDirectory() ? relative + "/" : relative, attrs));
        if (dockerfileOutside) {
            add(tar, dockerfile, dockerfileName, Files.readAttributes(dockerfile, BasicFileAttributes.class));
        }
        tar.finish();
        tar.close();
    }

    private interface Visitor {
        void visit(Path path, String relative, BasicFileAttributes attrs) throws IOException;
    }

    private void walk(Path folder, String prefix, Visitor visitor) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(folder)) {
            children = list.sorted().toList();
        }
        for (Path child : children) {
            String relative = prefix + child.getFileName().toString();
            BasicFileAttributes attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            boolean excluded = ignore.excludes(relative);
            if (attrs.isDirectory()) {
                if (excluded && !ignore.mayIncludeInside(relative)) {
                    continue;
                }
                if (!excluded) {
                    visitor.visit(child, relative, attrs);
                }
                walk(child, relative + "/", visitor);
            } else if (!excluded && (attrs.isRegularFile() || attrs.isSymbolicLink())) {
                visitor.visit(child, relative, attrs);
            }
        }
    }

    private static void add(TarArchiveOutputStream tar, Path path, String name, BasicFileAttributes attrs)
            throws IOException {
        TarArchiveEntry entry;
        if (attrs.isSymbolicLink()) {
            entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
            entry.setLinkName(slashes(Files.readSymbolicLink(path)));
        } else {
            entry = new TarArchiveEntry(name);
            if (attrs.isRegularFile()) {
                entry.setSize(attrs.size());
            }
        }
        entry.setMode(mode(path, attrs));
        // Whole seconds: a sub-second time needs a PAX header, and the engine takes a body whose
        // first entry is a PAX header for a plain Dockerfile rather than a tar.
        entry.setModTime(FileTime.from(attrs.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS)));
        entry.setIds(0, 0);
        entry.setNames("", "");
        tar.putArchiveEntry(entry);
        if (attrs.isRegularFile()) {
            try (InputStream in = Files.newInputStream(path)) {
                long copied = in.transferTo(tar);
                if (copied != attrs.size()) {
                    throw new IOException(path + " changed size while it was being sent");
                }
            }
        }
        tar.closeArchiveEntry();
    }

    private static int mode(Path path, BasicFileAttributes attrs) throws IOException {
        int type = attrs.isDirectory() ? 0040000 : attrs.isSymbolicLink() ? 0120000 : 0100000;
        if (attrs instanceof PosixFileAttributes posix) {
            return type | bits(posix.permissions());
        }
        try {
            PosixFileAttributes posix = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return type | bits(posix.permissions());
        } catch (UnsupportedOperationException e) {
            // Windows: the docker CLI sends everything as rwxr-xr-x.
            return type | 0755;
        }
    }

    private static int bits(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) {
            mode |= switch (p) {
                case OWNER_READ -> 0400;
                case OWNER_WRITE -> 0200;
                case OWNER_EXECUTE -> 0100;
                case GROUP_READ -> 040;
                case GROUP_WRITE -> 020;
                case GROUP_EXECUTE -> 010;
                case OTHERS_READ -> 04;
                case OTHERS_WRITE -> 02;
                case OTHERS_EXECUTE -> 01;
            };
        }
        return mode;
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    /** Lets the tar writer finish its blocks without closing the request body under it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
