package org.opensalw.assistance.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opensalw.assistance.ActorId;
import org.opensalw.assistance.Actors;
import org.opensalw.assistance.Area;
import org.opensalw.assistance.AssistanceManagement;
import org.opensalw.assistance.Matching;
import org.opensalw.assistance.NewOffer;
import org.opensalw.assistance.Offer;
import org.opensalw.assistance.OfferId;
import org.opensalw.assistance.OfferKind;
import org.opensalw.assistance.OfferStatus;
import org.opensalw.assistance.internal.Geography;
import org.opensalw.shared.FormErrors;
import org.opensalw.shared.FormReader;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Offers of funding, expertise, equipment and training, and the requests ranked for each. */
@Controller
class OffersController {

    private final AssistanceManagement management;
    private final Matching matching;
    private final Actors actors;
    private final Geography geography;
    private final MessageSource messages;

    OffersController(AssistanceManagement management, Matching matching, Actors actors, Geography geography, MessageSource messages) {
        this.management = management;
        this.matching = matching;
        this.actors = actors;
        this.geography = geography;
        this.messages = messages;
    }

    @GetMapping("/assistance/offers")
    String list(@RequestParam(required = false) OfferStatus status, Model model) {
        model.addAttribute("offers", management.offers(status));
        model.addAttribute("status", status);
        model.addAttribute("statuses", OfferStatus.values());
        model.addAttribute("providers", actors.list(null).stream().filter(a -> "ACTIVE".equals(a.status())).toList());
        model.addAttribute("kinds", OfferKind.values());
        model.addAttribute("areas", Area.values());
        model.addAttribute("regions", geography.regionsAndSubRegions());
        return "assistance/offers";
    }

    @PostMapping("/assistance/offers")
    String make(@RequestParam Map<String, String> params, @RequestParam(required = false) List<String> areas,
            @RequestParam(required = false) List<String> regions, @RequestParam(required = false) List<String> languages,
            Model model, Locale locale) {
        try {
            FormReader f = new FormReader(params);
            UUID provider = f.required("providerId", f.uuid("providerId"));
            NewOffer o = new NewOffer(provider == null ? null : new ActorId(provider), f.required("kind", f.choice("kind", OfferKind.class)),
                    f.required("description", f.text("description")), Web.enums(areas, Area.class), Web.texts(regions),
                    Web.amount("amount", f.text("amount")), f.date("availableFrom"), f.date("availableTo"), Web.texts(languages));
            f.check();
            return "redirect:/assistance/offers/" + management.makeOffer(o);
        } catch (RuntimeException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            model.addAttribute("form", params);
            return list(null, model);
        }
    }

    @GetMapping("/assistance/offers/{id}")
    String show(@PathVariable UUID id, Model model) {
        Offer o = management.offer(new OfferId(id));
        model.addAttribute("o", o);
        model.addAttribute("ranked", matching.rankRequests(o.id(), 20));
        return "assistance/offer";
    }

    @PostMapping("/assistance/offers/{id}/withdraw")
    String withdraw(@PathVariable UUID id) {
        management.withdrawOffer(new OfferId(id));
        return "redirect:/assistance/offers/" + id;
    }

    @GetMapping("/assistance/offers.csv")
    void csv(@RequestParam(required = false) OfferStatus status, HttpServletResponse response) {
        Web.csv(response, "assistance-offers.csv", management.offers(status), Web.col("id", Offer::id),
                Web.col("provider", Offer::providerName), Web.col("kind", Offer::kind), Web.col("description", Offer::description),
                Web.col("areas", Offer::areas), Web.col("regions", Offer::regions), Web.col("amount", Offer::amount),
                Web.col("committed", Offer::committed), Web.col("from", Offer::availableFrom), Web.col("to", Offer::availableTo),
                Web.col("languages", Offer::languages), Web.col("status", Offer::status));
    }
}
