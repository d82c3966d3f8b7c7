package org.opensalw.assistance;

import java.time.LocalDate;
import java.util.Set;

/** A person on the roster of experts, with the areas they know, languages they work in and when they are free. */
public record Expert(ExpertId id, String name, ActorId actorId, String actorName, Set<Area> areas, Set<String> languages,
        LocalDate availableFrom, LocalDate availableTo, String status) {
}
