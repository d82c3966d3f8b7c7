package org.opensalw.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import org.junit.jupiter.api.Test;

class CopyTextTests {

    @Test
    void shouldSeparateByTabsEndByNewlineAndWriteNullAsBackslashN() throws IOException {
        CopyText text = new CopyText(16).add("a").add(null).add(42).end().add("b").end();
        assertThat(read(text)).isEqualTo("a\t\\N\t42\nb\n");
    }

    @Test
    void shouldEscapeBackslashesAndControlCharactersWhereverTheyAre() throws IOException {
        CopyText text = new CopyText(16).add("\\start").add("mid\tdle").add("end\n").add("a\rb\\c").add("plain é ж").end();
        assertThat(read(text)).isEqualTo("\\\\start\tmid\\tdle\tend\\n\ta\\rb\\\\c\tplain é ж\n");
    }

    private static String read(CopyText text) throws IOException {
        try (Reader r = text.reader()) {
            return new String(readAll(r));
        }
    }

    private static char[] readAll(Reader r) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[64];
        for (int n; (n = r.read(buf)) > 0; ) {
            sb.append(buf, 0, n);
        }
        return sb.toString().toCharArray();
    }
}
