package org.opensalw.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensalw.registry.Registration;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;

/** The registry's web forms read into the API's requests: nothing written on a form is dropped without a word. */
class RegistryFormsTests {

    @Test
    void shouldRefuseWhatIsWrittenAboutTheOriginWithoutTheEventItBelongsTo() {
        assertThatThrownBy(() -> RegistryForms.registration(Map.of("type", "RIFLE", "serial", "RF-1", "origin.occurredOn", "2020-01-01",
                "origin.occurredOn.prefilled", "2026-11-30"))).isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::field).containsExactly("origin.occurredOn");
                    assertThat(e.violations()).extracting(Violation::code).containsExactly("registration.origin.kindMissing");
                });
        assertThatThrownBy(() -> RegistryForms.registration(Map.of("type", "RIFLE", "serial", "RF-1", "origin.kind", "",
                "origin.place", "Port city", "origin.reference", "IMP-1"))).isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("origin.place", "origin.reference"));
    }

    @Test
    void shouldLeaveOutOnlyTheDateTheFormFilledInItselfWhenNoEventIsChosen() {
        Registration held = RegistryForms.registration(Map.of("type", "RIFLE", "serial", "RF-1", "origin.occurredOn", "2026-11-30",
                "origin.occurredOn.prefilled", "2026-11-30"));
        assertThat(held.origin()).isNull();
        Registration imported = RegistryForms.registration(Map.of("type", "RIFLE", "serial", "RF-1", "origin.kind", "IMPORTED",
                "origin.occurredOn", "2020-01-01", "origin.occurredOn.prefilled", "2026-11-30", "origin.country", "RU"));
        assertThat(imported.origin().occurredOn()).isEqualTo(LocalDate.of(2020, 1, 1));
    }

    @Test
    void shouldNameAMarkingRefusedByTheRegisterAsTheFormNamesIt() {
        Map<String, String> params = Map.of("type", "RIFLE", "marking.IMPORT.text", "IMP 01", "marking.NATIONAL.text", "NAT-1");
        RuntimeException named = RegistryForms.inFormFields(new UserFacingException(UserFacingException.Kind.INVALID,
                List.of(Violation.of("markings[1].text", "marking.national.taken", "NAT-1", "w"), Violation.of("serial", "x"))), params);
        assertThat(((UserFacingException) named).violations()).extracting(Violation::field)
                .containsExactly("marking.NATIONAL.text", "serial");
    }
}
