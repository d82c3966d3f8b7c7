package org.opensalw.network.web;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.opensalw.network.NodeRole;
import org.opensalw.network.internal.NetworkAdmin;
import org.opensalw.network.internal.Peers;
import org.opensalw.shared.FormErrors;
import org.opensalw.shared.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The network pages for administrators: status (this node, peers, messages, refusals) and the peer form. */
@Controller
class NetworkController {

    private final NetworkAdmin admin;
    private final MessageSource messages;

    NetworkController(NetworkAdmin admin, MessageSource messages) {
        this.admin = admin;
        this.messages = messages;
    }

    @GetMapping("/admin/network")
    String status(Model model) {
        model.addAttribute("status", admin.status());
        return "network/status";
    }

    @GetMapping("/admin/network/peers/new")
    String newPeer(Model model) {
        model.addAttribute("peer", new Peers.PeerForm("", NodeRole.NATIONAL, "", "", "https://", "", ""));
        model.addAttribute("isNew", true);
        return form(model);
    }

    @GetMapping("/admin/network/peers/{id}")
    String editPeer(@PathVariable String id, Model model) {
        Peers.Peer p = admin.peer(id);
        var i = p.info();
        model.addAttribute("peer", new Peers.PeerForm(i.id().value(), i.role(), i.country() == null ? "" : i.country().value(), i.name(),
                i.endpoint().toString(), p.via() == null ? "" : p.via().value(), ""));
        model.addAttribute("keys", p.keys());
        model.addAttribute("isNew", false);
        return form(model);
    }

    private String form(Model model) {
        model.addAttribute("roles", NodeRole.values());
        model.addAttribute("hubs", admin.peers().stream().filter(p -> p.info().role() == NodeRole.HUB).map(p -> p.id().value()).toList());
        return "network/peer";
    }

    @PostMapping("/admin/network/peers")
    String savePeer(@RequestParam String id, @RequestParam NodeRole role, @RequestParam(required = false) String country,
            @RequestParam(required = false) String name, @RequestParam String endpoint, @RequestParam(required = false) String via,
            @RequestParam(required = false) String jwks, @RequestParam(defaultValue = "false") boolean isNew, Model model,
            Locale locale, RedirectAttributes redirect) {
        Peers.PeerForm form = new Peers.PeerForm(id, role, country, name, endpoint, via, jwks);
        try {
            admin.savePeer(form);
            redirect.addFlashAttribute("notice", messages.getMessage("network.peer.saved", new Object[] {id}, locale));
            return "redirect:/admin/network";
        } catch (UserFacingException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            model.addAttribute("peer", form);
            model.addAttribute("isNew", isNew);
            if (!isNew) {
                try {
                    model.addAttribute("keys", admin.peer(id).keys());
                } catch (UserFacingException ignored) {
                    // a new id typed over an existing one
                }
            }
            return form(model);
        }
    }

    @PostMapping("/admin/network/peers/{id}/refresh-keys")
    String refreshKeys(@PathVariable String id, Locale locale, RedirectAttributes redirect) {
        return act(() -> admin.refreshPeerKeys(id), "network.peer.keysRefreshed", id, locale, redirect);
    }

    @PostMapping("/admin/network/peers/{id}/delete")
    String deletePeer(@PathVariable String id, Locale locale, RedirectAttributes redirect) {
        return act(() -> { admin.deletePeer(id); return null; }, "network.peer.deleted", id, locale, redirect);
    }

    @PostMapping("/admin/network/peers/{id}/keys/{kid}/retire")
    String retireKey(@PathVariable String id, @PathVariable String kid, Locale locale, RedirectAttributes redirect) {
        return act(() -> { admin.retirePeerKey(id, kid); return null; }, "network.peer.keyRetired", kid, locale, redirect);
    }

    @PostMapping("/admin/network/keys/rotate")
    String rotate(Locale locale, RedirectAttributes redirect) {
        return act(() -> { admin.rotateKeys(); return null; }, "network.keys.rotated", "", locale, redirect);
    }

    @PostMapping("/admin/network/messages/{id}/retry")
    String retry(@PathVariable UUID id, Locale locale, RedirectAttributes redirect) {
        return act(() -> { admin.retry(id); return null; }, "network.message.retried", id, locale, redirect);
    }

    @PostMapping("/admin/network/test-message")
    String testMessage(@RequestParam String recipient, Locale locale, RedirectAttributes redirect) {
        return act(() -> admin.sendTestMessage(recipient, null), "network.test.sent", recipient, locale, redirect);
    }

    private String act(Supplier<?> action, String notice, Object arg, Locale locale, RedirectAttributes redirect) {
        try {
            action.get();
            redirect.addFlashAttribute("notice", messages.getMessage(notice, new Object[] {arg}, locale));
        } catch (UserFacingException e) {
            Map<String, String> errors = FormErrors.of(e, messages, locale);
            redirect.addFlashAttribute("errors", errors);
        }
        return "redirect:/admin/network";
    }
}
