package org.opensalw.assistance;

/** A state, donor, UN entity, organisation or institute taking part in cooperation and assistance. */
public record Actor(ActorId id, ActorKind kind, String code, String name, String country, String region, String status) {
}
