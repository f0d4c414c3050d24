package loupe.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import loupe.entities.EntityType;
import loupe.entities.Mention;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * Stores an article's mentions in a few bytes each: offsets and an index into the article's own
 * table of names, the text itself being read back from the stored body. JSON made the mentions
 * the largest stored field after the body and a visible share of indexing time.
 */
final class MentionCodec {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Mention>> MENTIONS = new TypeReference<>() {};
  private static final EntityType[] TYPES = EntityType.values();

  private MentionCodec() {}

  static BytesRef encode(List<Mention> mentions, String body) {
    Map<String, Integer> names = new HashMap<>();
    List<String> table = new ArrayList<>();
    for (Mention m : mentions) {
      names.computeIfAbsent(m.canonical(), k -> add(table, k));
      if (m.code() != null) {
        names.computeIfAbsent(m.code(), k -> add(table, k));
      }
    }
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    try {
      out.writeVInt(table.size());
      for (String name : table) {
        out.writeString(name);
      }
      out.writeVInt(mentions.size());
      for (Mention m : mentions) {
        out.writeByte((byte) m.type().ordinal());
        out.writeVInt(m.start());
        out.writeVInt(m.end() - m.start());
        out.writeVInt(names.get(m.canonical()));
        out.writeVInt(m.code() == null ? 0 : names.get(m.code()) + 1);
        // An extractor is expected to give the text at its offsets; keep it when it did not.
        boolean ownText = m.end() > body.length() || m.text().length() != m.end() - m.start()
            || !body.regionMatches(m.start(), m.text(), 0, m.text().length());
        out.writeByte((byte) (ownText ? 1 : 0));
        if (ownText) {
          out.writeString(m.text());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writes to memory only
    }
    return new BytesRef(out.toArrayCopy());
  }

  static List<Mention> decode(BytesRef bytes, String body) {
    try {
      return decode(new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reads from memory only
    }
  }

  private static List<Mention> decode(ByteArrayDataInput in, String body) throws IOException {
    String[] table = new String[in.readVInt()];
    for (int i = 0; i < table.length; i++) {
      table[i] = in.readString();
    }
    int count = in.readVInt();
    List<Mention> mentions = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      EntityType type = TYPES[in.readByte()];
      int start = in.readVInt();
      int end = start + in.readVInt();
      String canonical = table[in.readVInt()];
      int code = in.readVInt();
      String text = in.readByte() == 1 ? in.readString() : body.substring(start, end);
      mentions.add(new Mention(type, text, start, end, canonical, code == 0 ? null : table[code - 1]));
    }
    return mentions;
  }

  /** Mentions as indexes written before this codec stored them. */
  static List<Mention> decodeJson(String json, String id) {
    try {
      return JSON.readValue(json, MENTIONS);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("stored mentions of " + id + " are not valid JSON", e);
    }
  }

  private static int add(List<String> table, String name) {
    table.add(name);
    return table.size() - 1;
  }
}
