package org.nashra.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nashra.text.DateParser;
import org.nashra.text.ParsedDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nashra date TEXT [--tz ZONE] [--now ISO]}: what a date string parses to. */
@Command(name = "date", mixinStandardHelpOptions = true,
        description = "Parse a date as outlets write it (RFC 822, ISO 8601, Arabic, Hijri, relative).")
public final class DateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "the date; several words are joined by spaces")
    List<String> text;

    @Mixin
    DateOptions dateOptions;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    private final PrintStream out;
    private final PrintStream err;
    private final InstantSource clock;

    public DateCommand() {
        this(new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8), InstantSource.system());
    }

    DateCommand(PrintStream out, PrintStream err, InstantSource clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        DateOptions.Context at = dateOptions.read("date", err, clock);
        if (at == null) return 2;
        ZoneId z = at.zone();
        String input = String.join(" ", text);
        Optional<ParsedDate> parsed = new DateParser().parse(input, z, at.now());
        if (parsed.isEmpty()) {
            err.println("nashra date: no date recognised in \"" + input + "\"");
            return 1;
        }
        ParsedDate d = parsed.get();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("input", input);
        r.put("instant", d.instant().toString());
        r.put("local", d.instant().atZone(z).toOffsetDateTime().toString());
        r.put("zone", z.getId());
        r.put("clamped", d.clamped());
        r.put("precision", d.precision().wire());
        r.put("note", d.note());
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
        } else {
            out.println("instant:  " + r.get("instant"));
            out.println("local:    " + r.get("local") + " (" + z.getId() + ")");
            if (d.clamped()) out.println("clamped:  true");
            // "day": no time of day was given; a copy of the story with one gives the story its time
            out.println("precision: " + d.precision().wire());
            if (!d.note().isEmpty()) out.println("note:     " + d.note());
        }
        out.flush();
        return 0;
    }
}
