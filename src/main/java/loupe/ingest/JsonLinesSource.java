package loupe.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads JSON Lines, one article per line, streaming: memory stays bounded by the longest line,
 * whatever the file size. A bad line is rejected with its number; the others are still read.
 */
public final class JsonLinesSource implements ArticleSource {

  /** A line longer than this is rejected unread rather than held in memory. */
  public static final int MAX_LINE_BYTES = 32 * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void read(Path file, String name, String defaultId, IngestListener listener) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      read(in, name, listener);
    }
  }

  /** Reads JSON Lines from a stream (an HTTP body); {@code name} names it in rejections. */
  public void read(InputStream in, String name, IngestListener listener) throws IOException {
    // Scans blocks rather than bytes: the reading thread feeds every indexing thread.
    byte[] block = new byte[1 << 16];
    LineBuffer line = new LineBuffer();
    long lineNumber = 0;
    long consumed = 0;
    boolean tooLong = false;
    int n;
    while ((n = in.read(block)) != -1) {
      int start = 0;
      for (int i = 0; i < n; i++) {
        if (block[i] != '\n') {
          continue;
        }
        tooLong = append(line, block, start, i - start, tooLong);
        lineNumber++;
        consumed += line.size() + 1;
        finishLine(line, tooLong, name, lineNumber, listener);
        listener.progress(consumed);
        line.reset();
        tooLong = false;
        start = i + 1;
      }
      tooLong = append(line, block, start, n - start, tooLong);
    }
    if (line.size() > 0 || tooLong) {
      lineNumber++;
      consumed += line.size();
      finishLine(line, tooLong, name, lineNumber, listener);
      listener.progress(consumed);
    }
  }

  /** Appends bytes to the line unless it grew past the limit; returns whether it did. */
  private static boolean append(LineBuffer line, byte[] block, int from, int length, boolean tooLong) {
    if (tooLong || length == 0) {
      return tooLong;
    }
    if (line.size() + (long) length > MAX_LINE_BYTES) {
      line.reset();
      return true;
    }
    line.write(block, from, length);
    return false;
  }

  private static void finishLine(LineBuffer line, boolean tooLong, String name, long lineNumber,
      IngestListener listener) {
    if (tooLong) {
      listener.rejected(new Rejection(name, lineNumber, "line longer than " + MAX_LINE_BYTES + " bytes"));
    } else {
      parseLine(line, name, lineNumber, listener);
    }
  }

  private static void parseLine(LineBuffer line, String name, long lineNumber, IngestListener listener) {
    CharBuffer text = line.decode();
    if (text == null) {
      listener.rejected(new Rejection(name, lineNumber, "not valid UTF-8"));
      return;
    }
    if (isBlank(text)) {
      return; // blank lines (a trailing newline, spacing) are not records
    }
    if (lineNumber == 1 && text.get(text.position()) == '\uFEFF') {
      text.position(text.position() + 1);
    }
    JsonNode node;
    try (JsonParser parser = JSON.getFactory().createParser(text.array(), text.position(), text.remaining())) {
      node = JSON.readTree(parser);
    } catch (JsonProcessingException e) {
      listener.rejected(new Rejection(name, lineNumber, JsonSyntax.describe(e)));
      return;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // parses memory only
    }
    try {
      listener.article(ArticleJson.fromJson(node, null,
          warning -> listener.warning(new Rejection(name, lineNumber, warning))), name + ":" + lineNumber);
    } catch (InvalidArticleException e) {
      listener.rejected(new Rejection(name, lineNumber, e.getMessage()));
    }
  }

  private static boolean isBlank(CharBuffer text) {
    for (int i = text.position(); i < text.limit(); i++) {
      if (!Character.isWhitespace(text.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The bytes of one line and the characters they decode to, both reused from line to line: the
   * reading thread feeds every indexing thread, so it copies each line once, not three times.
   */
  private static final class LineBuffer extends ByteArrayOutputStream {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    private CharBuffer chars = CharBuffer.allocate(8192);

    LineBuffer() {
      super(8192);
    }

    /** The line as characters (valid until the next call), or null when it is not valid UTF-8. */
    CharBuffer decode() {
      if (chars.capacity() < count) {
        chars = CharBuffer.allocate(Math.max(count, 2 * chars.capacity())); // UTF-8 never has more chars than bytes
      }
      chars.clear();
      decoder.reset();
      if (decoder.decode(ByteBuffer.wrap(buf, 0, count), chars, true).isError() || decoder.flush(chars).isError()) {
        return null;
      }
      return chars.flip();
    }
  }
}
