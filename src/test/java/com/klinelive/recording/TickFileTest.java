package com.klinelive.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.model.Tick;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TickFileTest {

    @TempDir
    Path dir;

    @Test
    void everyTradeComesBackExactlyInTheOrderRecordedInAboutElevenBytes() throws Exception {
        Path file = dir.resolve("ticks.klt");
        List<Tick> ticks = ticks(60_000, 1);
        // Values no short decimal gives back exactly are stored raw, and still come back bit for bit.
        ticks.add(new Tick("BTCUSDT", 70_000, 1_764_000_100_000L, Math.PI, 0.1 + 0.2));
        ticks.add(new Tick("SOL-USD", 5, 1_764_000_100_001L, 1e-9, 0));
        ticks.add(new Tick("ÄÖÜ/€", Long.MAX_VALUE, 1_764_000_100_000L, Double.MIN_VALUE, Double.MAX_VALUE));
        record(file, ticks);

        Read read = readAll(file);
        assertEquals(ticks, read.ticks);
        assertTrue(read.end.complete(), read.end.describe());
        assertTrue(read.end.frames() >= 8, "64 KiB frames: " + read.end.frames());
        double perTrade = (double) Files.size(file) / ticks.size();
        assertTrue(perTrade < 13, "bytes per trade: " + perTrade);
    }

    @Test
    void aTruncatedRecordingReadsUpToItsLastWholeFrameAndSaysWhereItStopped() throws Exception {
        Path file = dir.resolve("ticks.klt");
        List<Tick> ticks = ticks(40_000, 2);
        record(file, ticks);
        List<Long> frameEnds = new ArrayList<>();
        List<Integer> tradesBefore = new ArrayList<>();
        try (TickFileReader reader = TickFileReader.open(file)) {
            TickBatch batch = new TickBatch();
            int sum = 0;
            while (reader.next(batch)) {
                sum += batch.size();
                frameEnds.add(reader.position());
                tradesBefore.add(sum);
            }
        }
        long size = Files.size(file);
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 25; round++) {
            long cut = 9 + random.nextLong(size - 9);
            Path copy = dir.resolve("cut" + round + ".klt");
            Files.write(copy, java.util.Arrays.copyOf(Files.readAllBytes(file), (int) cut));
            int whole = 0;
            while (whole < frameEnds.size() && frameEnds.get(whole) <= cut) {
                whole++;
            }
            Read read = readAll(copy);
            int expected = whole == 0 ? 0 : tradesBefore.get(whole - 1);
            assertEquals(ticks.subList(0, expected), read.ticks, "cut at " + cut);
            long stop = whole == 0 ? TickFileReader.firstFrame() : frameEnds.get(whole - 1);
            assertEquals(stop, read.end.offset());
            if (stop == cut) {
                assertTrue(read.end.complete());
            } else {
                assertEquals(ReadEnd.Kind.TRUNCATED, read.end.kind());
                assertTrue(read.end.describe().contains("stopped at byte " + stop + " of " + cut), read.end.describe());
            }
        }
    }

    @Test
    void recordingAgainAppendsAfterTheLastWholeFrameOfACrashedRecording() throws Exception {
        Path file = dir.resolve("ticks.klt");
        List<Tick> first = ticks(30_000, 4);
        record(file, first);
        long size = Files.size(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size - 100); // the crash cut the last frame
        }
        Read crashed = readAll(file);
        List<Tick> second = ticks(1_000, 5);
        try (TickFileWriter writer = TickFileWriter.open(file)) {
            assertEquals(ReadEnd.Kind.TRUNCATED, writer.existing().kind());
            second.forEach(t -> writer.counted(t.symbol(), t.seq(), t.time(), t.price(), t.size()));
        }
        List<Tick> expected = new ArrayList<>(crashed.ticks);
        expected.addAll(second);
        Read read = readAll(file);
        assertEquals(expected, read.ticks);
        assertTrue(read.end.complete(), read.end.describe());
        assertTrue(crashed.ticks.size() < first.size() && crashed.ticks.size() > 0);
    }

    @Test
    void aDamagedFrameStopsTheReadWithItsReason() throws Exception {
        Path file = dir.resolve("ticks.klt");
        record(file, ticks(30_000, 6));
        byte[] bytes = Files.readAllBytes(file);
        int middle = bytes.length / 2;
        bytes[middle] ^= 0x10;
        Files.write(file, bytes);
        Read read = readAll(file);
        assertEquals(ReadEnd.Kind.DAMAGED, read.end.kind());
        assertTrue(read.end.offset() <= middle && read.ticks.size() > 0, read.end.describe());
        assertTrue(read.end.describe().contains("checksum"), read.end.describe());
    }

    @Test
    void aFileThatIsNotARecordingIsRefusedAndLeftAlone() throws Exception {
        Path file = dir.resolve("prices.csv");
        Files.writeString(file, "time,open,high,low,close\n1,2,3,4,5\n");
        byte[] before = Files.readAllBytes(file);
        IOException e = assertThrows(IOException.class, () -> TickFileWriter.open(file));
        assertTrue(e.getMessage().contains("not a KLine Live tick recording"), e.getMessage());
        assertThrows(IOException.class, () -> TickFileReader.open(file));
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    /** Trades of three symbols, times increasing, prices on a 0.01 grid, sizes on a 0.0001 grid. */
    static List<Tick> ticks(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] symbols = {"BTCUSDT", "ETHUSDT", "SOLUSDT"};
        long[] seqs = {1000, 5000, 1};
        long time = 1_764_000_000_000L;
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int s = random.nextInt(3);
            time += random.nextInt(20);
            double price = (4_300_000 + random.nextInt(10_000)) / 100.0;
            double size = random.nextInt(1, 50_000) / 10_000.0;
            ticks.add(new Tick(symbols[s], seqs[s]++, time, price, size));
        }
        return ticks;
    }

    static void record(Path file, List<Tick> ticks) throws IOException {
        try (TickFileWriter writer = TickFileWriter.open(file)) {
            ticks.forEach(t -> writer.counted(t.symbol(), t.seq(), t.time(), t.price(), t.size()));
            assertEquals(ticks.size(), writer.recorded());
        }
    }

    record Read(List<Tick> ticks, ReadEnd end) {}

    static Read readAll(Path file) throws IOException {
        List<Tick> ticks = new ArrayList<>();
        ReadEnd end = TickFileReader.scan(file, (offset, batch) -> {
            for (int i = 0; i < batch.size(); i++) {
                ticks.add(new Tick(batch.symbol(i), batch.seq(i), batch.time(i), batch.price(i), batch.quantity(i)));
            }
        });
        return new Read(ticks, end);
    }
}
