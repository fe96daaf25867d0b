package dev.aapl.data.adapter.out.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aapl.core.domain.AaplException;
import dev.aapl.core.domain.Bar;
import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.Ticker;
import dev.aapl.core.domain.UpsertCounts;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvBarStoreTest {

    private static final Ticker AAPL = Ticker.AAPL;
    private static final Interval HOUR = Interval.ONE_HOUR;
    private static final Instant MONDAY_OPEN = Instant.parse("2024-09-30T13:30:00Z");

    @TempDir
    Path dir;

    /** Synthetic bars an hour apart with prices that need no rounding to print. */
    private static List<Bar> bars(int count) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double open = 225.5 + i * 0.25;
            bars.add(new Bar(MONDAY_OPEN.plus(Duration.ofHours(i)), open, open + 1.07,
                    open - 0.93, open + 0.5, 1_000_000L + i));
        }
        return bars;
    }

    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void readsBackTheBarsItStored() {
        CsvBarStore store = new CsvBarStore(dir);
        List<Bar> bars = bars(5);

        UpsertCounts counts = store.upsert(AAPL, HOUR, bars);
        BarSeries read = store.read(AAPL, HOUR);

        assertThat(counts).isEqualTo(new UpsertCounts(5, 0, 0));
        assertThat(read.bars()).isEqualTo(bars);
        assertThat(read.synthetic()).isFalse();
    }

    @Test
    void writesOneReadableCsvFilePerTickerAndInterval() throws IOException {
        CsvBarStore store = new CsvBarStore(dir);

        store.upsert(AAPL, HOUR, bars(2));

        assertThat(store.fileOf(AAPL, HOUR)).isEqualTo(dir.resolve("aapl-1h.csv"));
        assertThat(Files.readAllLines(dir.resolve("aapl-1h.csv"))).containsExactly(
                "Datetime,Open,High,Low,Close,Volume",
                "2024-09-30T13:30:00Z,225.5,226.57,224.57,226.0,1000000",
                "2024-09-30T14:30:00Z,225.75,226.82,224.82,226.25,1000001");
    }

    @Test
    void answersAnEmptySeriesWhenNothingIsStored() {
        BarSeries read = new CsvBarStore(dir.resolve("missing")).read(AAPL, HOUR);

        assertThat(read.isEmpty()).isTrue();
        assertThat(Files.exists(dir.resolve("missing"))).isFalse();
    }

    @Test
    void leavesTheFileUntouchedWhenTheSameBarsAreStoredAgain() throws IOException {
        CsvBarStore store = new CsvBarStore(dir);
        store.upsert(AAPL, HOUR, bars(6));
        byte[] before = Files.readAllBytes(store.fileOf(AAPL, HOUR));

        UpsertCounts again = store.upsert(AAPL, HOUR, bars(6));

        assertThat(again).isEqualTo(new UpsertCounts(0, 0, 6));
        assertThat(Files.readAllBytes(store.fileOf(AAPL, HOUR))).isEqualTo(before);
    }

    @Test
    void replacesARevisedBarAndAddsNewOnes() {
        CsvBarStore store = new CsvBarStore(dir);
        List<Bar> first = bars(4);
        store.upsert(AAPL, HOUR, first);
        Bar old = first.get(3);
        Bar revised = new Bar(old.start(), old.open(), old.high(), old.low(), old.close(),
                old.volume() + 12_345);
        Bar next = bars(5).get(4);

        UpsertCounts counts = store.upsert(AAPL, HOUR, List.of(first.get(2), revised, next));

        assertThat(counts).isEqualTo(new UpsertCounts(1, 1, 1));
        assertThat(store.read(AAPL, HOUR).bars()).containsExactly(first.get(0), first.get(1),
                first.get(2), revised, next);
    }

    @Test
    void keepsTheOldFileWhenTheProcessStopsBeforeTheRename() throws IOException {
        new CsvBarStore(dir).upsert(AAPL, HOUR, bars(3));
        byte[] before = Files.readAllBytes(dir.resolve("aapl-1h.csv"));
        CsvBarStore crashing = new CsvBarStore(dir, (from, to) -> {
            throw new IOException("simulated crash before the rename");
        });

        assertThatThrownBy(() -> crashing.upsert(AAPL, HOUR, bars(5)))
                .isInstanceOf(AaplException.class)
                .hasMessageContaining("simulated crash");

        assertThat(Files.readAllBytes(dir.resolve("aapl-1h.csv"))).isEqualTo(before);
        assertThat(new CsvBarStore(dir).read(AAPL, HOUR).bars()).isEqualTo(bars(3));
    }

    @Test
    void deletesATemporaryFileLeftByAnEarlierCrash() throws IOException {
        CsvBarStore store = new CsvBarStore(dir);
        store.upsert(AAPL, HOUR, bars(2));
        Files.writeString(dir.resolve(".aapl-1h.csv.0badc0de.tmp"), "Datetime,Op");

        store.upsert(AAPL, HOUR, bars(3));

        assertThat(filesIn(dir)).containsExactly(".aapl-1h.csv.lock", "aapl-1h.csv");
    }

    @Test
    void refusesToWriteWhileAnotherWriterHoldsTheLock() throws IOException {
        CsvBarStore store = new CsvBarStore(dir);
        Path lockFile = dir.resolve(".aapl-1h.csv.lock");

        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            channel.lock();
            assertThatThrownBy(() -> store.upsert(AAPL, HOUR, bars(2)))
                    .isInstanceOf(AaplException.class)
                    .hasMessageContaining("another aapl process is writing");
        }

        assertThat(store.read(AAPL, HOUR).isEmpty()).isTrue();
    }

    @Test
    void namesTheLineOfACorruptFile() throws IOException {
        Files.writeString(dir.resolve("aapl-1h.csv"), String.join("\n",
                "Datetime,Open,High,Low,Close,Volume",
                "2024-09-30T13:30:00Z,225.5,226.57,224.57,226.0,1000000",
                "2024-09-30T14:30:00Z,225.75,abc,224.82,226.25,1000001"),
                StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> new CsvBarStore(dir).read(AAPL, HOUR))
                .isInstanceOf(AaplException.class)
                .hasMessageContaining("store file")
                .hasMessageContaining("aapl-1h.csv is corrupt at line 3")
                .satisfies(e -> assertThat(((AaplException) e).hint()).contains("aapl fetch"));
    }

    @Test
    void rejectsAFileWithAnotherHeader() throws IOException {
        Files.writeString(dir.resolve("aapl-1h.csv"), "Date,Open,High,Low,Close,Adj Close\n");

        assertThatThrownBy(() -> new CsvBarStore(dir).read(AAPL, HOUR))
                .isInstanceOf(AaplException.class)
                .hasMessageContaining("corrupt at line 1: the header is");
    }

    @Test
    void rejectsAFileWhoseBarsAreOutOfOrder() throws IOException {
        Files.writeString(dir.resolve("aapl-1h.csv"), String.join("\n",
                "Datetime,Open,High,Low,Close,Volume",
                "2024-09-30T14:30:00Z,225.75,226.82,224.82,226.25,1000001",
                "2024-09-30T13:30:00Z,225.5,226.57,224.57,226.0,1000000"));

        assertThatThrownBy(() -> new CsvBarStore(dir).read(AAPL, HOUR))
                .isInstanceOf(AaplException.class)
                .hasMessageContaining("is corrupt: bars are not in time order");
    }

    @Test
    void readsARangeOfStoredBars() {
        CsvBarStore store = new CsvBarStore(dir);
        List<Bar> bars = bars(6);
        store.upsert(AAPL, HOUR, bars);

        BarSeries range = store.read(AAPL, HOUR, bars.get(1).start(), bars.get(4).start());

        assertThat(range.bars()).containsExactlyElementsOf(bars.subList(1, 4));
    }
}
