package dev.cubby.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.config.SettingsLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@code cubby serve --help} quotes the defaults the settings loader applies, never other ones. */
class ServeHelpTest {
    // an option starts a few columns in; its wrapped description lines far further
    private static final Pattern OPTION_LINE = Pattern.compile("^\\s{1,6}(?:-\\w, )?(--[a-z][a-z-]*)");

    @Test
    void helpShowsEachFlagsDefaultFromTheSettingsTable() {
        var command = new CommandLine(new ServeCommand());
        var out = new StringWriter();
        command.setOut(new PrintWriter(out));
        assertEquals(0, command.execute("--help"));
        Map<String, String> help = optionTexts(out.toString());

        List<String> checked = new ArrayList<>();
        SettingsLoader.defaults().forEach((key, value) -> {
            OptionSpec option = command.getCommandSpec().findOption("--" + key);
            // a switch such as --tls is off by its absence; its help names no default
            if (value == null || option == null || option.arity().max() == 0) {
                return;
            }
            String text = help.get("--" + key);
            assertNotNull(text, "--help lists --" + key);
            assertTrue(text.contains("default " + value + ")"), "--help of --" + key + " shows the default "
                    + value + ": " + text);
            checked.add(key);
        });
        assertTrue(checked.containsAll(List.of("address", "port", "region", "read-timeout", "min-body-rate")),
                "checked: " + checked);
    }

    /** Each option's help, its wrapped lines joined by single spaces, by long name. */
    private static Map<String, String> optionTexts(String help) {
        Map<String, String> texts = new LinkedHashMap<>();
        String current = null;
        for (String line : help.split("\n")) {
            Matcher option = OPTION_LINE.matcher(line);
            if (option.find()) {
                current = option.group(1);
                texts.put(current, line.trim());
            } else if (current != null && !line.isBlank()) {
                texts.put(current, texts.get(current) + " " + line.trim());
            }
        }
        return texts;
    }
}
