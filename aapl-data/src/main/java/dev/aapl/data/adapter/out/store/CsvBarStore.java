package dev.aapl.data.adapter.out.store;

import dev.aapl.core.domain.AaplException;
import dev.aapl.core.domain.Bar;
import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.InvalidBarException;
import dev.aapl.core.domain.Ticker;
import dev.aapl.core.domain.UpsertCounts;
import dev.aapl.core.port.out.BarStorePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bars kept in a folder, one CSV file per ticker and interval: {@code data/aapl-1h.csv}.
 *
 * <p>Why CSV: the files are read by people (any editor or spreadsheet opens them) and by the
 * product's own CSV source, since the header {@code Datetime,Open,High,Low,Close,Volume} with
 * ISO-8601 UTC times is one of the layouts it reads. Two years of hourly bars are about 3,500
 * lines, some 200 KB, read and rewritten whole in milliseconds, so neither an index nor a binary
 * format would pay for the loss of readability. Prices are written as the shortest decimal that
 * reads back to the same double, so a read and a rewrite give the same bytes.
 *
 * <p>Writing is an upsert: the file is read, merged with the new bars by start time (new bars
 * added, revised bars replaced) and, only when something changed, written to a temporary file
 * in the same folder, forced to disk and renamed over the old one with an atomic move. A crash
 * at any point leaves either the old file or the new one, never a mix; a leftover temporary
 * file ({@code .aapl-1h.csv.<random>.tmp}) is ignored by readers and deleted by the next write.
 * Writers of the same file take an exclusive lock on {@code .aapl-1h.csv.lock} first, so two
 * processes refreshing at once cannot lose each other's bars; the lock file stays in place, as
 * deleting it would race with the next writer.
 */
public final class CsvBarStore implements BarStorePort {

    private static final Logger LOG = LoggerFactory.getLogger(CsvBarStore.class);

    /** The folder used when none is given. */
    public static final Path DEFAULT_DIR = Path.of("data");

    private static final String REFETCH_HINT =
            "move the file aside and run aapl fetch to download the bars again";

    static final List<String> HEADER = List.of("Datetime", "Open", "High", "Low", "Close",
            "Volume");

    /** One monitor per file, so threads of one process queue up instead of failing the lock. */
    private static final ConcurrentMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private final Path dir;
    private final FileMover mover;

    /** @param dir the folder holding the files; created on the first write */
    public CsvBarStore(Path dir) {
        this(dir, FileMover.ATOMIC);
    }

    CsvBarStore(Path dir, FileMover mover) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.mover = Objects.requireNonNull(mover, "mover");
    }

    /**
     * @param ticker the symbol
     * @param interval the bar length
     * @return the file that holds those bars, for example {@code data/aapl-1h.csv}
     */
    public Path fileOf(Ticker ticker, Interval interval) {
        return dir.resolve(ticker.slug() + "-" + interval.code() + ".csv");
    }

    @Override
    public BarSeries read(Ticker ticker, Interval interval) {
        return readFile(fileOf(ticker, interval), ticker, interval);
    }

    @Override
    public UpsertCounts upsert(Ticker ticker, Interval interval, List<Bar> bars) {
        if (bars.isEmpty()) {
            return UpsertCounts.NONE;
        }
        Path file = fileOf(ticker, interval);
        createFolder();
        synchronized (MONITORS.computeIfAbsent(file.toAbsolutePath().normalize(),
                key -> new Object())) {
            Path lockFile = file.resolveSibling("." + file.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                // Closing the channel releases the lock.
                lock(channel, file);
                deleteLeftovers(file);
                return merge(file, readFile(file, ticker, interval), bars);
            } catch (IOException e) {
                throw new AaplException("cannot write " + file + ": " + e.getMessage(),
                        "check that the folder exists and is writable", e);
            }
        }
    }

    @Override
    public String describe() {
        return "folder " + dir;
    }

    private UpsertCounts merge(Path file, BarSeries stored, List<Bar> bars) throws IOException {
        Map<Instant, Bar> merged = new TreeMap<>();
        stored.bars().forEach(bar -> merged.put(bar.start(), bar));
        int added = 0;
        int replaced = 0;
        for (Bar bar : bars) {
            Bar old = merged.put(bar.start(), bar);
            if (old == null) {
                added++;
            } else if (!old.equals(bar)) {
                replaced++;
            }
        }
        UpsertCounts counts = new UpsertCounts(added, replaced, bars.size() - added - replaced);
        if (counts.changed()) {
            write(file, format(merged.values()));
            LOG.debug("Wrote {} bars to {} ({} added, {} replaced)", merged.size(), file, added,
                    replaced);
        }
        return counts;
    }

    private void write(Path file, byte[] content) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + "."
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            mover.move(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static byte[] format(Iterable<Bar> bars) {
        StringBuilder text = new StringBuilder(64 * 4096);
        text.append(String.join(",", HEADER)).append('\n');
        for (Bar bar : bars) {
            text.append(bar.start()).append(',').append(number(bar.open())).append(',')
                    .append(number(bar.high())).append(',').append(number(bar.low()))
                    .append(',').append(number(bar.close())).append(',').append(bar.volume())
                    .append('\n');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).toPlainString();
    }

    private static BarSeries readFile(Path file, Ticker ticker, Interval interval) {
        List<Bar> bars = new ArrayList<>();
        if (Files.exists(file)) {
            readLines(file, bars);
        }
        try {
            return BarSeries.of(ticker, interval, bars, "store:" + file, false);
        } catch (InvalidBarException e) {
            throw new AaplException("store file " + file + " is corrupt: " + e.getMessage(),
                    REFETCH_HINT, e);
        }
    }

    private static void readLines(Path file, List<Bar> bars) {
        long line = 0;
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, CSVFormat.DEFAULT)) {
            for (CSVRecord record : parser) {
                line = record.getRecordNumber();
                if (line == 1) {
                    checkHeader(file, record);
                } else {
                    bars.add(barOf(record));
                }
            }
        } catch (IOException e) {
            throw new AaplException("cannot read " + file + ": " + e.getMessage(),
                    "check that the file is readable", e);
        } catch (UncheckedIOException e) {
            throw corrupt(file, line + 1, e.getCause().getMessage(), e);
        } catch (IllegalArgumentException | DateTimeParseException | InvalidBarException e) {
            throw corrupt(file, line, e.getMessage(), e);
        }
        if (line == 0) {
            throw corrupt(file, 1, "the file is empty", null);
        }
    }

    private static void checkHeader(Path file, CSVRecord record) {
        if (!record.toList().equals(HEADER)) {
            throw corrupt(file, 1, "the header is " + record.toList() + ", expected " + HEADER,
                    null);
        }
    }

    private static Bar barOf(CSVRecord record) {
        if (record.size() != HEADER.size()) {
            throw new IllegalArgumentException(record.size() + " fields instead of "
                    + HEADER.size());
        }
        return new Bar(Instant.parse(record.get(0)), Double.parseDouble(record.get(1)),
                Double.parseDouble(record.get(2)), Double.parseDouble(record.get(3)),
                Double.parseDouble(record.get(4)), Long.parseLong(record.get(5)));
    }

    private static AaplException corrupt(Path file, long line, String detail, Exception cause) {
        return new AaplException("store file " + file + " is corrupt at line " + line + ": "
                + detail, REFETCH_HINT, cause);
    }

    private static void lock(FileChannel channel, Path file) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new AaplException("another aapl process is writing " + file,
                    "wait for it to finish and run the command again");
        }
    }

    private void deleteLeftovers(Path file) throws IOException {
        String prefix = "." + file.getFileName() + ".";
        try (Stream<Path> siblings = Files.list(file.toAbsolutePath().getParent())) {
            for (Path sibling : (Iterable<Path>) siblings::iterator) {
                String name = sibling.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(".tmp")) {
                    LOG.info("Deleting {}, left over from an interrupted write", sibling);
                    Files.deleteIfExists(sibling);
                }
            }
        }
    }

    private void createFolder() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new AaplException("cannot create the folder " + dir + ": " + e.getMessage(),
                    "choose another --data-dir or check its permissions", e);
        }
    }
}
