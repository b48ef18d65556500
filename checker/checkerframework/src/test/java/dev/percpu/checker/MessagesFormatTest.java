package dev.percpu.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.percpu.analysis.FindingText;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The checker's nesting messages are the model's finding texts, word for word. */
class MessagesFormatTest {

  private static Properties messages() throws IOException {
    Properties p = new Properties();
    try (InputStream in = PerCpuChecker.class.getResourceAsStream("messages.properties")) {
      p.load(in);
    }
    return p;
  }

  @Test
  void nestingMessages_areTheModelsFindingTexts() throws IOException {
    Properties p = messages();
    assertEquals(FindingText.DEFINITE_FORMAT, p.getProperty("nested.entry"));
    assertEquals(FindingText.POSSIBLE_FORMAT, p.getProperty("possible.nested.entry"));
  }
}
