package loupe.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import loupe.cli.LoupeCommand;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The lab's commands join `loupe` when the lab is on the class path, as in the runnable jar. */
class LabCommandsTest {

  @ParameterizedTest
  @ValueSource(strings = {"eval", "bench", "eval search", "bench query"})
  void labCommandsPrintTheirHelpUnderLoupe(String command) {
    CommandLine cli = LoupeCommand.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    String[] words = (command + " --help").split(" ");
    assertEquals(0, cli.execute(words));
    assertTrue(out.toString().contains("Usage: loupe " + command), out.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"eval", "bench"})
  void loupeListsTheLabCommands(String command) {
    CommandLine cli = LoupeCommand.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    assertEquals(0, cli.execute("--help"));
    assertTrue(out.toString().contains("  " + command + " "), out.toString());
  }
}
