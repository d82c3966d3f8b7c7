package org.opensalw.identification.web;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import org.opensalw.identification.Alert;
import org.opensalw.identification.WatchList;
import org.opensalw.shared.FormErrors;
import org.opensalw.shared.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The watch list page: alerts with their evidence, acknowledging them, importing a lost/stolen list. */
@Controller
class WatchListController {

    private final WatchList watchList;
    private final MessageSource messages;

    WatchListController(WatchList watchList, MessageSource messages) {
        this.watchList = watchList;
        this.messages = messages;
    }

    @GetMapping("/identification/alerts")
    String alerts(@RequestParam(defaultValue = "false") boolean all, @RequestParam(defaultValue = "0") int page, Model model,
            Locale locale) {
        var alerts = watchList.alerts(!all, new org.opensalw.shared.PageRequest(page, 100));
        // only the alerts on this page count as seen: the others stay new until their page is opened
        model.addAttribute("unread", java.util.Set.copyOf(watchList.openMine(alerts.items().stream().map(Alert::id).toList())));
        model.addAttribute("alerts", alerts.items());
        model.addAttribute("alertsPage", alerts);
        model.addAttribute("entries", watchList.entries().size());
        model.addAttribute("all", all);
        return "identification/alerts";
    }

    /** The count of new alerts beside the menu link, fetched by htmx so every page need not know of alerts. */
    @GetMapping("/identification/alerts/badge")
    String badge(Model model) {
        model.addAttribute("count", watchList.unreadCount());
        return "identification/alerts :: badge";
    }

    @PostMapping("/identification/alerts/{id}/acknowledge")
    String acknowledge(@PathVariable UUID id, Locale locale, RedirectAttributes redirect) {
        try {
            watchList.acknowledge(id);
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("errors", FormErrors.of(e, messages, locale));
        }
        return "redirect:/identification/alerts";
    }

    @PostMapping("/identification/watch-list")
    String importList(@RequestParam(required = false) String source, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String encoding, Locale locale,
            RedirectAttributes redirect) throws IOException {
        try {
            int added = watchList.importList(source, file.getBytes(), encoding);
            redirect.addFlashAttribute("notice", messages.getMessage("watch.imported", new Object[] {added}, locale));
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("errors", FormErrors.of(e, messages, locale));
        }
        return "redirect:/identification/alerts";
    }
}
