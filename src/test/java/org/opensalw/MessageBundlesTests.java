package org.opensalw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every text of the UI exists in English, French and Spanish: each bundle has the same keys in the three languages. */
class MessageBundlesTests {

    @Test
    void shouldHaveEveryKeyInEnglishFrenchAndSpanish() throws IOException {
        Map<String, Properties> files = new TreeMap<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:i18n/*.properties")) {
            Properties p = new Properties();
            try (InputStreamReader in = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
                p.load(in);
            }
            files.put(r.getFilename(), p);
        }
        assertThat(files).containsKeys("messages.properties", "messages_fr.properties", "messages_es.properties");
        files.forEach((name, english) -> {
            if (name.contains("_")) {
                return;
            }
            String base = name.substring(0, name.length() - ".properties".length());
            for (String lang : new String[] {"fr", "es"}) {
                Properties other = files.get(base + "_" + lang + ".properties");
                assertThat(other).as("%s_%s.properties", base, lang).isNotNull();
                assertThat(other.stringPropertyNames()).as("keys of %s_%s.properties", base, lang)
                        .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
            }
        });
    }

    /** Messages always go through MessageFormat, where a single ' starts a quoted part and vanishes: it must be written ''. */
    @Test
    void shouldWriteEveryApostropheTwice() throws IOException {
        java.util.List<String> single = new java.util.ArrayList<>();
        java.util.regex.Pattern lone = java.util.regex.Pattern.compile("(?<!')'(?!')");
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:i18n/*.properties")) {
            Properties p = new Properties();
            try (InputStreamReader in = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
                p.load(in);
            }
            p.stringPropertyNames().stream().filter(k -> lone.matcher(p.getProperty(k)).find())
                    .forEach(k -> single.add(r.getFilename() + ": " + k));
        }
        assertThat(single).isEmpty();
    }

    /**
     * Every message is a valid MessageFormat pattern, choices included: a '#' or '<' inside a choice's text (such as
     * {@code {0,number,#}}) is read as another limit and the message fails only when it is shown.
     */
    @Test
    void shouldParseEveryMessageAsAMessageFormat() throws IOException {
        java.util.List<String> broken = new java.util.ArrayList<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:i18n/*.properties")) {
            Properties p = new Properties();
            try (InputStreamReader in = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
                p.load(in);
            }
            for (String k : p.stringPropertyNames()) {
                try {
                    new java.text.MessageFormat(p.getProperty(k), java.util.Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    broken.add(r.getFilename() + ": " + k + " (" + e.getMessage() + ")");
                }
            }
        }
        assertThat(broken).isEmpty();
    }
}
