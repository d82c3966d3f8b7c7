package org.opensalw.identity;

import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs: who is signed in (for the menu of their roles) and this node's name. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    /** The signed-in user as the templates see it. */
    public record Me(String username, Set<Role> roles) {
        public boolean has(String role) {
            return roles.stream().anyMatch(r -> r.name().equals(role));
        }

        public boolean seesPersonalData() {
            return roles.stream().anyMatch(Role::seesPersonalData);
        }
    }

    private final CurrentUser currentUser;
    private final String nodeName;
    private final boolean hub;

    LayoutModel(CurrentUser currentUser, @Value("${opensalw.node.name}") String nodeName,
            @Value("${opensalw.node.role:NATIONAL}") String nodeRole) {
        this.currentUser = currentUser;
        this.nodeName = nodeName;
        this.hub = "HUB".equalsIgnoreCase(nodeRole.trim());
    }

    /** A regional or UN hub relays tracing between states and makes no requests itself: its menu leaves tracing out. */
    @ModelAttribute("hubNode")
    boolean hubNode() {
        return hub;
    }

    @ModelAttribute("me")
    Me me() {
        Set<Role> roles = currentUser.roles();
        return roles.isEmpty() ? null : new Me(currentUser.username(), roles);
    }

    @ModelAttribute("nodeName")
    String nodeName() {
        return nodeName;
    }
}
