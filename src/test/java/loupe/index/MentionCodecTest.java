package loupe.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import loupe.entities.EntityType;
import loupe.entities.Mention;
import org.junit.jupiter.api.Test;

class MentionCodecTest {

  private static final String BODY = "Vladimir Poutine a reçu M. Kim à Moscou. Poutine a parlé.";

  @Test
  void mentionsComeBackAsTheyWereWithTheirTextReadFromTheBody() {
    List<Mention> mentions = List.of(
        new Mention(EntityType.PERSON, "Vladimir Poutine", 0, 16, "Vladimir Poutine", null),
        new Mention(EntityType.PERSON, "M. Kim", 24, 30, "Kim Jong Un", null),
        new Mention(EntityType.COUNTRY, "Moscou", 33, 39, "Russie", "RU"),
        new Mention(EntityType.PERSON, "Poutine", 41, 48, "Vladimir Poutine", null));
    assertEquals(mentions, MentionCodec.decode(MentionCodec.encode(mentions, BODY), BODY));
  }

  @Test
  void aTextThatIsNotTheBodyAtItsOffsetsIsKept() {
    // A user's extractor may normalise the surface form; what it said is what the API returns.
    List<Mention> mentions = List.of(new Mention(EntityType.COUNTRY, "la Russie", 33, 39, "Russie", "RU"),
        new Mention(EntityType.PERSON, "X", 50, 80, "X", null));
    assertEquals(mentions, MentionCodec.decode(MentionCodec.encode(mentions, BODY), BODY));
  }

  @Test
  void noMentionsIsAnEmptyList() {
    assertEquals(List.of(), MentionCodec.decode(MentionCodec.encode(List.of(), BODY), BODY));
  }

  @Test
  void indexesWrittenWithJsonMentionsStillRead() {
    String json = "[{\"type\":\"COUNTRY\",\"text\":\"Moscou\",\"start\":33,\"end\":39,\"canonical\":\"Russie\",\"code\":\"RU\"}]";
    assertEquals(List.of(new Mention(EntityType.COUNTRY, "Moscou", 33, 39, "Russie", "RU")),
        MentionCodec.decodeJson(json, "a1"));
  }
}
