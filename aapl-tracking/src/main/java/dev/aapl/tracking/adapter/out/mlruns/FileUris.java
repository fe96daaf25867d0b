package dev.aapl.tracking.adapter.out.mlruns;

import dev.aapl.core.domain.AaplException;
import java.net.URI;
import java.nio.file.Path;

/** Converts between local paths and the {@code file://} URIs MLflow records for them. */
final class FileUris {

    private FileUris() {
    }

    /**
     * @param path a local path
     * @return its absolute {@code file:} URI without a trailing slash, as MLflow writes it
     */
    static String of(Path path) {
        String uri = path.toAbsolutePath().normalize().toUri().toString();
        return uri.endsWith("/") && uri.length() > "file:///".length()
                ? uri.substring(0, uri.length() - 1) : uri;
    }

    /**
     * @param uri a {@code file:} URI or a plain path, as MLflow records locations
     * @return the local path it names
     * @throws AaplException when it names something that is not on this machine
     */
    static Path toPath(String uri) {
        if (uri.startsWith("file:")) {
            return Path.of(URI.create(uri));
        }
        if (uri.matches("[A-Za-z][A-Za-z0-9+.-]+:.*") && !uri.matches("[A-Za-z]:[\\\\/].*")) {
            throw new AaplException("'" + uri + "' is not a local folder",
                    "this store reads local files only; use the MLflow server adapter for " + uri);
        }
        return Path.of(uri);
    }

    /**
     * @param base a URI without a trailing slash
     * @param relative a relative path with {@code /} separators, or empty
     * @return the base with the path appended
     */
    static String append(String base, String relative) {
        return relative.isEmpty() ? base : base + "/" + relative;
    }
}
