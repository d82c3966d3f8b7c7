package org.opensalw.assistance.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opensalw.assistance.Actor;
import org.opensalw.assistance.ActorId;
import org.opensalw.assistance.ActorKind;
import org.opensalw.assistance.Actors;
import org.opensalw.assistance.Area;
import org.opensalw.assistance.Expert;
import org.opensalw.assistance.NewActor;
import org.opensalw.assistance.NewExpert;
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

/** Actors (states, donors, UN entities, organisations, civil society, institutes) and the roster of experts. */
@Controller
class ActorsController {

    private final Actors actors;
    private final Geography geography;
    private final MessageSource messages;

    ActorsController(Actors actors, Geography geography, MessageSource messages) {
        this.actors = actors;
        this.geography = geography;
        this.messages = messages;
    }

    @GetMapping("/assistance/actors")
    String list(@RequestParam(required = false) ActorKind kind, @RequestParam(required = false) Area area,
            @RequestParam(required = false) String language, Model model) {
        model.addAttribute("actors", actors.list(kind));
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", ActorKind.values());
        model.addAttribute("experts", actors.experts(area, language));
        model.addAttribute("area", area);
        model.addAttribute("language", language);
        model.addAttribute("areas", Area.values());
        model.addAttribute("countries", geography.countries());
        return "assistance/actors";
    }

    @PostMapping("/assistance/actors")
    String create(@RequestParam Map<String, String> params, Model model, Locale locale) {
        try {
            FormReader f = new FormReader(params);
            NewActor a = new NewActor(f.required("kind", f.choice("kind", ActorKind.class)), f.required("name", f.text("name")), f.text("country"));
            f.check();
            actors.create(a);
        } catch (RuntimeException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            return list(null, null, null, model);
        }
        return "redirect:/assistance/actors";
    }

    @PostMapping("/assistance/actors/{id}/withdraw")
    String withdraw(@PathVariable UUID id) {
        actors.withdraw(new ActorId(id));
        return "redirect:/assistance/actors";
    }

    @PostMapping("/assistance/experts")
    String addExpert(@RequestParam Map<String, String> params, @RequestParam(required = false) List<String> areas,
            @RequestParam(required = false) List<String> languages, Model model, Locale locale) {
        try {
            FormReader f = new FormReader(params);
            UUID actor = f.uuid("actorId");
            NewExpert e = new NewExpert(f.required("name", f.text("name")), actor == null ? null : new ActorId(actor),
                    Web.enums(areas, Area.class), Web.texts(languages), f.date("availableFrom"), f.date("availableTo"));
            f.check();
            actors.addExpert(e);
        } catch (RuntimeException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            return list(null, null, null, model);
        }
        return "redirect:/assistance/actors";
    }

    @GetMapping("/assistance/actors.csv")
    void actorsCsv(@RequestParam(required = false) ActorKind kind, HttpServletResponse response) {
        Web.csv(response, "assistance-actors.csv", actors.list(kind), Web.col("id", Actor::id), Web.col("kind", Actor::kind),
                Web.col("code", Actor::code), Web.col("name", Actor::name), Web.col("country", Actor::country),
                Web.col("region", Actor::region), Web.col("status", Actor::status));
    }

    @GetMapping("/assistance/experts.csv")
    void expertsCsv(@RequestParam(required = false) Area area, @RequestParam(required = false) String language, HttpServletResponse response) {
        Web.csv(response, "assistance-experts.csv", actors.experts(area, language), Web.col("id", Expert::id), Web.col("name", Expert::name),
                Web.col("organisation", Expert::actorName), Web.col("areas", Expert::areas), Web.col("languages", Expert::languages),
                Web.col("available_from", Expert::availableFrom), Web.col("available_to", Expert::availableTo));
    }
}
