package org.nashra.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nashra.text.ArabicText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nashra normalize TEXT [--json]}: what the text stage makes of a piece of text. */
@Command(name = "normalize", mixinStandardHelpOptions = true,
        description = "Print the display form, matching key, tokens and search stems of TEXT ('-' reads stdin).")
public final class NormalizeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "the text; several words are joined by spaces")
    List<String> text;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    private final PrintStream out;

    public NormalizeCommand() {
        this(new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }

    NormalizeCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        String input = String.join(" ", text);
        if (input.equals("-")) input = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("display", ArabicText.display(input));
        r.put("key", ArabicText.matchingKey(input));
        r.put("tokens", ArabicText.tokens(input));
        r.put("searchTokens", ArabicText.searchTokens(input));
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
        } else {
            out.println("display:       " + r.get("display"));
            out.println("key:           " + r.get("key"));
            out.println("tokens:        " + String.join(" | ", ArabicText.tokens(input)));
            out.println("search stems:  " + String.join(" | ", ArabicText.searchTokens(input)));
        }
        out.flush();
        return 0;
    }
}
