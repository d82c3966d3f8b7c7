package org.opensalw.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A proposal keeps its selection note by key, to be told in each reader's language; notes kept in words stay as they are. */
class SelectionNoteTests {

    @Test
    void shouldKeepAnOutcomeAndItsArgumentsWithoutWords() {
        Selection.Note note = new Selection.Note(Selection.Outcome.SELECTED, List.of("46.75", "MARKING"));
        assertThat(note.stored()).isEqualTo("SELECTED|46.75|MARKING");
        assertThat(Selection.Note.parse(note.stored())).contains(note);
        assertThat(Selection.Note.parse("NOT_REVIEWED")).contains(new Selection.Note(Selection.Outcome.NOT_REVIEWED, List.of()));
    }

    @Test
    void shouldReadNoNoteInAnEmptyTextOrInOneWrittenInWords() {
        assertThat(Selection.Note.parse("")).isEmpty();
        assertThat(Selection.Note.parse(null)).isEmpty();
        assertThat(Selection.Note.parse("SELECTED 46.75 (+10% MARKING)")).isEmpty();
        assertThat(Selection.Note.parse("INELIGIBLE MAX_AMOUNT, DURATION_MONTHS")).isEmpty();
    }
}
