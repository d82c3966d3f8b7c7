package org.opensalw.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTests {

    @Test
    void shouldCutLongTextsWithAnEllipsisAndNeverHalfACharacter() {
        assertThat(Texts.cut("short", 10)).isEqualTo("short");
        assertThat(Texts.cut(null, 10)).isNull();
        assertThat(Texts.cut("abcdefghijkl", 5)).isEqualTo("abcd…").hasSize(5);
        String withEmoji = "abc\uD83D\uDD2Bdef"; // a pistol emoji is two chars
        assertThat(Texts.cut(withEmoji, 5)).isEqualTo("abc…");
    }

    @Test
    void shouldMakeLikeWildcardsLetters() {
        assertThat(Texts.likeEscaped("50%_a\\b")).isEqualTo("50\\%\\_a\\\\b");
    }

    @Test
    void shouldTakeOnlyImageTypesAPageCannotRunInTheirPlainForm() {
        assertThat(ImageTypes.accepted("image/PNG; q=1")).contains("image/png");
        assertThat(ImageTypes.accepted("image/svg+xml")).isEmpty();
        assertThat(ImageTypes.accepted(null)).isEmpty();
    }
}
