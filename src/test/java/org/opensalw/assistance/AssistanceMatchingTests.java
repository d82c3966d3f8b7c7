package org.opensalw.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** What a match may commit: only offers of providers still taking part, and never more than a funding offer holds. */
@TestDatabase
@WithMockUser(username = "donor-desk", roles = {"ADMIN"})
class AssistanceMatchingTests {

    @Autowired Actors actors;
    @Autowired AssistanceManagement management;
    @Autowired Matching matching;
    @Autowired JdbcClient jdbc;

    @Test
    void shouldWithdrawTheOpenOffersOfAWithdrawnActorSoThatNoneIsMatched() {
        Actor donor = actors.create(new NewActor(ActorKind.DONOR, "Donor leaving with its offers", "FI"));
        RequestId req = management.fileRequest(AssistanceFixtures.request("CM", Area.RECORD_KEEPING, "Gendarmerie of a leaving donor"));
        OfferId offer = management.makeOffer(new NewOffer(donor.id(), OfferKind.FUNDING, "Registers of a leaving donor",
                Set.of(Area.RECORD_KEEPING), Set.of(), new BigDecimal("200000"), null, null, Set.of()));

        actors.withdraw(donor.id());

        assertThat(management.offer(offer).status()).isEqualTo(OfferStatus.WITHDRAWN);
        assertThat(jdbc.sql("""
                SELECT username FROM audit_entry WHERE action = 'assistance.offer.withdraw' AND subject_id = :o AND at IS NOT NULL
                """).param("o", offer.toString()).query(String.class).list()).containsExactly("donor-desk");
        assertThat(matching.rankOffers(req, 10_000)).extracting(r -> r.offer().id()).doesNotContain(offer);
        assertThatThrownBy(() -> matching.confirm(new Confirmation(req, offer, null, new BigDecimal("1000"))))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.violations()).extracting(Violation::field, Violation::code)
                        .containsExactly(tuple("offerId", "assistance.match.offerNotOpen")));
        assertThat(management.request(req).status()).isEqualTo(RequestStatus.OPEN);
    }

    @Test
    void shouldMatchNoOfferLeftOpenByAProviderWithdrawnBeforeItsOffersWentWithIt() {
        Actor donor = actors.create(new NewActor(ActorKind.DONOR, "Donor that left long ago", "FI"));
        RequestId req = management.fileRequest(AssistanceFixtures.request("CM", Area.RECORD_KEEPING, "Gendarmerie of a donor gone long ago"));
        OfferId offer = management.makeOffer(new NewOffer(donor.id(), OfferKind.FUNDING, "Registers of a donor gone long ago",
                Set.of(Area.RECORD_KEEPING), Set.of(), new BigDecimal("200000"), null, null, Set.of()));
        // withdrawn as it was before a withdrawal also withdrew the actor's offers
        jdbc.sql("UPDATE asst_actor SET status = 'WITHDRAWN' WHERE id = :id").param("id", donor.id().value()).update();

        assertThat(matching.rankOffers(req, 10_000)).extracting(r -> r.offer().id()).doesNotContain(offer);
        assertThatThrownBy(() -> matching.confirm(new Confirmation(req, offer, null, new BigDecimal("1000"))))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.violations())
                        .containsExactly(Violation.of("offerId", "assistance.match.providerWithdrawn", "Donor that left long ago")));
        assertThat(management.request(req).status()).isEqualTo(RequestStatus.OPEN);
    }

    @Test
    void shouldRefuseAFundingOfferWithoutAnAmountAndMatchNoneThatHasNone() {
        Actor donor = actors.create(new NewActor(ActorKind.DONOR, "Donor of unlimited money", "IE"));
        for (BigDecimal none : new BigDecimal[] {null, BigDecimal.ZERO}) {
            assertThatThrownBy(() -> management.makeOffer(new NewOffer(donor.id(), OfferKind.FUNDING, "Money without an amount",
                    Set.of(Area.TRACING), Set.of(), none, null, null, Set.of()))).as("amount %s", none)
                    .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.violations())
                            .containsExactly(Violation.of("amount", "assistance.offer.fundingWithoutAmount")));
        }
        // one made before an amount was required: it acted as unlimited money, a budget of 999,999,999 was matched against it
        OfferId unlimited = management.makeOffer(new NewOffer(donor.id(), OfferKind.FUNDING, "Money made before amounts were required",
                Set.of(Area.TRACING), Set.of(), new BigDecimal("1000"), null, null, Set.of()));
        jdbc.sql("UPDATE asst_offer SET amount = NULL WHERE id = :id").param("id", unlimited.value()).update();
        RequestId req = management.fileRequest(new NewRequest("CM", Area.TRACING, "Tracing desk", "Police of ten dollars",
                new BigDecimal("10"), null, null, Set.of()));
        assertThatThrownBy(() -> matching.confirm(new Confirmation(req, unlimited, null, new BigDecimal("999999999"))))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.violations())
                        .containsExactly(Violation.of("offerId", "assistance.match.fundingWithoutAmount")));
        assertThat(management.offer(unlimited).committed()).isEqualByComparingTo("0");
        assertThat(management.request(req).status()).isEqualTo(RequestStatus.OPEN);
    }
}
