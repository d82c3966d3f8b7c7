package org.opensalw.assistance;

/** Who takes part in cooperation and assistance (paras 41, 48): states, donors, the UN entities of footnote 1, organisations, civil society and research institutes. */
public enum ActorKind {
    STATE, DONOR, UN_ENTITY, INTERNATIONAL_ORG, REGIONAL_ORG, CIVIL_SOCIETY, RESEARCH_INSTITUTE
}
