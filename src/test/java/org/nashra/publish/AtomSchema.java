package org.nashra.publish;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Validates Atom documents with Jing against the RFC 4287 RELAX NG schema (compact syntax). */
final class AtomSchema {
    private AtomSchema() {}

    /** Every validation error, with line and column; empty when the document is valid. */
    static List<String> errors(byte[] atom) {
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override public void warning(SAXParseException e) {}
            @Override public void error(SAXParseException e) { errors.add(describe(e)); }
            @Override public void fatalError(SAXParseException e) { errors.add(describe(e)); }
        };
        PropertyMapBuilder props = new PropertyMapBuilder();
        props.put(ValidateProperty.ERROR_HANDLER, collect);
        ValidationDriver driver = new ValidationDriver(props.toPropertyMap(), CompactSchemaReader.getInstance());
        try {
            URL schema = AtomSchema.class.getResource("/schemas/atom.rnc");
            if (schema == null) throw new IllegalStateException("schemas/atom.rnc missing from test resources");
            if (!driver.loadSchema(new InputSource(schema.toExternalForm()))) {
                throw new IllegalStateException("atom.rnc did not load: " + errors);
            }
            boolean valid = driver.validate(new InputSource(new ByteArrayInputStream(atom)));
            if (!valid && errors.isEmpty()) errors.add("invalid, no message");
        } catch (Exception e) {
            errors.add(e.toString());
        }
        return errors;
    }

    static void assertValid(byte[] atom) {
        assertThat(errors(atom)).as("RFC 4287 RELAX NG validation of\n%s",
                new String(atom, java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    }

    private static String describe(SAXParseException e) {
        return e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage();
    }
}
