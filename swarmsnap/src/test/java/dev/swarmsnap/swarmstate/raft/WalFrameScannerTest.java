package dev.swarmsnap.swarmstate.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WalFrameScannerTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    // examples from docs/swarm-state-format.md §4.2
    "0x8400000000000004, 4, 4",
    "0x8700000000000041, 65, 7",
    "0x86000000000000aa, 170, 6",
    "0x0000000000000008, 8, 0",
    "0x8100000000000007, 7, 1"
  })
  void decodesPaddingFromTheTopByte(String hex, long length, int padding) {
    long raw = Long.parseUnsignedLong(hex.substring(2), 16);
    assertThat(LengthWord.decode(raw)).contains(new LengthWord(length, padding));
  }

  @ParameterizedTest
  @CsvSource({
    "0x1000000000000000", // 2^60: a flag bit without bit 63
    "0x8400000000000005", // padding 4 but 5 % 8 needs 3
    "0x0000000000000004", // no padding flag but 4 % 8 needs 4
    "0xc400000000000004" // stray bit 62
  })
  void rejectsWordsNoWriterProduces(String hex) {
    long raw = Long.parseUnsignedLong(hex.substring(2), 16);
    assertThat(LengthWord.decode(raw)).isEmpty();
  }

  @Test
  void stopsAtZeroLengthWordBeforePreallocatedZeros() throws IOException {
    byte[] bytes =
        new WalBytes()
            .frame(new byte[] {8, 4, 16, 0})
            .frame(new byte[65])
            .bytes(new byte[4096])
            .toByteArray();
    List<WalFrame> frames = new ArrayList<>();
    WalEnd end = scan(bytes, frames);
    assertThat(frames)
        .containsExactly(new WalFrame(0, 4, 4), new WalFrame(16, 65, 7));
    assertThat(end.kind()).isEqualTo(WalEnd.Kind.ZERO_LENGTH);
    assertThat(end.offset()).isEqualTo(16 + 8 + 65 + 7);
  }

  @Test
  void endOfFileAtAFrameBoundaryIsClean() throws IOException {
    byte[] bytes = new WalBytes().frame(new byte[16]).toByteArray();
    WalEnd end = scan(bytes, new ArrayList<>());
    assertThat(end).isEqualTo(new WalEnd(WalEnd.Kind.END_OF_FILE, 24, "end of file"));
    assertThat(end.kind().clean()).isTrue();
  }

  @Test
  void frameLongerThanTheFileIsTruncatedNotAllocated() throws IOException {
    // a 2^55-byte record: must be refused from the file size, never allocated
    byte[] bytes = new WalBytes().frame(new byte[8]).word(1L << 55).toByteArray();
    List<WalFrame> frames = new ArrayList<>();
    WalEnd end = scan(bytes, frames);
    assertThat(frames).hasSize(1);
    assertThat(end.kind()).isEqualTo(WalEnd.Kind.TRUNCATED);
    assertThat(end.offset()).isEqualTo(16);
  }

  @Test
  void lengthWordOfTwoToTheSixtyIsABadWord() throws IOException {
    byte[] bytes = new WalBytes().word(1L << 60).bytes(new byte[64]).toByteArray();
    WalEnd end = scan(bytes, new ArrayList<>());
    assertThat(end.kind()).isEqualTo(WalEnd.Kind.BAD_LENGTH_WORD);
    assertThat(end.offset()).isZero();
    assertThat(end.detail()).contains("0x1000000000000000");
  }

  @Test
  void partialLengthWordAtTheEndIsTruncated() throws IOException {
    byte[] bytes = new WalBytes().frame(new byte[8]).bytes(new byte[] {1, 2, 3}).toByteArray();
    WalEnd end = scan(bytes, new ArrayList<>());
    assertThat(end.kind()).isEqualTo(WalEnd.Kind.TRUNCATED);
    assertThat(end.offset()).isEqualTo(16);
  }

  @Test
  void emptyFileEndsAtZero() throws IOException {
    WalEnd end = scan(new byte[0], new ArrayList<>());
    assertThat(end).isEqualTo(new WalEnd(WalEnd.Kind.END_OF_FILE, 0, "end of file"));
  }

  private WalEnd scan(byte[] bytes, List<WalFrame> frames) throws IOException {
    Path f = dir.resolve("0000000000000000-0000000000000000.wal");
    Files.write(f, bytes);
    try (FileChannel ch = FileChannel.open(f)) {
      WalFrameScanner s = new WalFrameScanner(ch);
      for (WalFrame fr = s.next(); fr != null; fr = s.next()) {
        frames.add(fr);
      }
      assertThat(s.next()).isNull();
      return s.end();
    }
  }
}
