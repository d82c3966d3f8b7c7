package org.opensalw.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.WeaponStatus;

class LifecycleTests {

    private static final LocalDate D = LocalDate.of(2020, 1, 1);

    private static Lifecycle.State after(EventKind... kinds) {
        Lifecycle.State s = Lifecycle.registered(D);
        for (EventKind k : kinds) {
            Lifecycle.Outcome o = Lifecycle.apply(s, k, D);
            assertThat(o.allowed()).as("%s after %s", k, s.status()).isTrue();
            s = o.next();
        }
        return s;
    }

    @Test
    void shouldStartLegallyHeldAndFresh() {
        assertThat(Lifecycle.registered(D).status()).isEqualTo(WeaponStatus.LEGALLY_HELD);
        assertThat(Lifecycle.registered(D).fresh()).isTrue();
    }

    @Test
    void shouldRejectTransferOfDestroyedWeapon() {
        Lifecycle.Outcome o = Lifecycle.apply(after(EventKind.IMPORTED, EventKind.DESTROYED), EventKind.TRANSFERRED, D);
        assertThat(o.allowed()).isFalse();
        assertThat(o.refusal().code()).isEqualTo("lifecycle.destroyed");
    }

    @Test
    void shouldRejectSecondDestruction() {
        assertThat(Lifecycle.apply(after(EventKind.DESTROYED), EventKind.DESTROYED, D).refusal().code()).isEqualTo("lifecycle.destroyed");
    }

    @Test
    void shouldAllowManufactureOnlyAsFirstEvent() {
        assertThat(Lifecycle.apply(Lifecycle.registered(D), EventKind.MANUFACTURED, D).allowed()).isTrue();
        assertThat(Lifecycle.apply(after(EventKind.IMPORTED), EventKind.MANUFACTURED, D).refusal().code())
                .isEqualTo("lifecycle.manufacturedNotFirst");
    }

    @Test
    void shouldAllowImportFirstOrAfterExportOnly() {
        assertThat(after(EventKind.MANUFACTURED, EventKind.EXPORTED, EventKind.IMPORTED).status()).isEqualTo(WeaponStatus.LEGALLY_HELD);
        assertThat(Lifecycle.apply(after(EventKind.MANUFACTURED), EventKind.IMPORTED, D).refusal().code())
                .isEqualTo("lifecycle.importNotAfterExport");
    }

    @Test
    void shouldFollowTheftSeizureAndDestruction() {
        assertThat(after(EventKind.IMPORTED, EventKind.REPORTED_STOLEN).status()).isEqualTo(WeaponStatus.STOLEN);
        assertThat(after(EventKind.IMPORTED, EventKind.REPORTED_STOLEN, EventKind.SEIZED).status()).isEqualTo(WeaponStatus.IN_STATE_CUSTODY);
        assertThat(after(EventKind.IMPORTED, EventKind.REPORTED_STOLEN, EventKind.SEIZED, EventKind.DESTROYED).status())
                .isEqualTo(WeaponStatus.DESTROYED);
    }

    @Test
    void shouldRejectLossOfWeaponAlreadyLost() {
        Lifecycle.Outcome o = Lifecycle.apply(after(EventKind.REPORTED_LOST), EventKind.REPORTED_LOST, D);
        assertThat(o.refusal().code()).isEqualTo("lifecycle.refused");
    }

    @Test
    void shouldRejectExportOfStolenWeapon() {
        assertThat(Lifecycle.apply(after(EventKind.REPORTED_STOLEN), EventKind.EXPORTED, D).allowed()).isFalse();
    }

    @Test
    void shouldLeaveStatusUnchangedWhenMarked() {
        assertThat(after(EventKind.FOUND, EventKind.MARKED).status()).isEqualTo(WeaponStatus.IN_STATE_CUSTODY);
    }

    @Test
    void shouldReplayHistoryAndNameTheFirstImpossibleStep() {
        List<Lifecycle.Step> ok = List.of(new Lifecycle.Step(1, EventKind.REGISTERED, D), new Lifecycle.Step(2, EventKind.IMPORTED, D),
                new Lifecycle.Step(3, EventKind.REPORTED_STOLEN, D));
        assertThat(Lifecycle.replay(ok).next().status()).isEqualTo(WeaponStatus.STOLEN);
        // the same history with the theft (seq 3) voided: the recovery (seq 5) needs a lost, stolen or seized weapon
        List<Lifecycle.Step> broken = List.of(new Lifecycle.Step(1, EventKind.REGISTERED, D), new Lifecycle.Step(2, EventKind.IMPORTED, D),
                new Lifecycle.Step(5, EventKind.RECOVERED, D));
        Lifecycle.Outcome o = Lifecycle.replay(broken);
        assertThat(o.allowed()).isFalse();
        assertThat(o.refusal().code()).isEqualTo("correction.breaksHistory");
        assertThat(o.refusal().args().get(0)).isEqualTo(5L);
    }

    @Test
    void shouldOfferOnlyPossibleEvents() {
        Lifecycle.State destroyed = after(EventKind.DESTROYED);
        assertThat(EventKind.LIFECYCLE.stream().filter(k -> Lifecycle.canFollow(destroyed, k))).isEmpty();
        Lifecycle.State stolen = after(EventKind.IMPORTED, EventKind.REPORTED_STOLEN);
        assertThat(EventKind.LIFECYCLE.stream().filter(k -> Lifecycle.canFollow(stolen, k)).toList())
                .containsExactlyInAnyOrder(EventKind.FOUND, EventKind.SEIZED, EventKind.SURRENDERED, EventKind.RECOVERED, EventKind.MARKED);
    }
}
