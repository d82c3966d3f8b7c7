package org.opensalw.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.opensalw.identity.NewCredential;
import org.opensalw.identity.NewUser;
import org.opensalw.identity.Role;
import org.opensalw.identity.SystemActor;
import org.opensalw.identity.UserAccounts;
import org.opensalw.reference.Model;
import org.opensalw.reference.References;
import org.opensalw.registry.BatchEvent;
import org.opensalw.registry.EventCommand;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.HolderForm;
import org.opensalw.registry.HolderId;
import org.opensalw.registry.HolderKind;
import org.opensalw.registry.LicenceForm;
import org.opensalw.registry.LicenceId;
import org.opensalw.registry.LicenceKind;
import org.opensalw.registry.MarkingInput;
import org.opensalw.registry.MarkingKind;
import org.opensalw.registry.Registration;
import org.opensalw.registry.RegistryManagement;
import org.opensalw.registry.WeaponDescription;
import org.opensalw.registry.WeaponId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code opensalw.demo-data=true} and an empty register: a realistic national register to look around in —
 * state bodies, dealers and licensed persons, a few thousand weapons from the reference makers with plausible
 * histories (imports, transfers, losses, thefts, seizures, surrenders, destructions), and one demo user per role
 * whose generated passwords are printed once.
 */
@Component
@Order(10)
public class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String[] FIRST = {"Amina", "Jean", "María", "Kwame", "Fatou", "Luis", "Olga", "Samuel", "Aïcha", "Pedro",
            "Grace", "Ibrahim", "Sofía", "Moussa", "Ana", "David", "Nadia", "Carlos", "Esther", "Youssef"};
    private static final String[] LAST = {"Diallo", "Mensah", "García", "Okafor", "Traoré", "Silva", "Petrova", "Kamara", "Ndiaye",
            "Rodríguez", "Banda", "Haddad", "Moreno", "Koné", "Fernández", "Mwangi", "Sow", "López", "Abubakar", "Ouédraogo"};
    private static final String[] PLACES = {"Capital district", "Northern province", "Port city", "Border post East", "Central depot",
            "Southern province", "Airport customs", "River district"};

    private final RegistryManagement registry;
    private final References references;
    private final UserAccounts accounts;
    private final WeaponStore weapons;
    private final Clock clock;
    private final boolean enabled;
    private final int weaponCount;

    DemoData(RegistryManagement registry, References references, UserAccounts accounts, WeaponStore weapons, Clock clock,
            @Value("${opensalw.demo-data:false}") boolean enabled, @Value("${opensalw.demo-data.weapons:3000}") int weaponCount) {
        this.registry = registry;
        this.references = references;
        this.accounts = accounts;
        this.weapons = weapons;
        this.clock = clock;
        this.enabled = enabled;
        this.weaponCount = weaponCount;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || weapons.count() > 0) {
            return;
        }
        SystemActor.run("demo-data", Role.REGISTRAR, () -> {
            long started = System.currentTimeMillis();
            createUsers();
            int events = fill(new Random(42));
            log.info("Demo data: {} weapons with {} events in {} s", weaponCount, events, (System.currentTimeMillis() - started) / 1000);
            return null;
        });
    }

    private void createUsers() {
        StringBuilder lines = new StringBuilder("\n================ Demo users (passwords shown once) ================\n");
        for (Role role : List.of(Role.REGISTRAR, Role.INVESTIGATOR, Role.AUDITOR, Role.READ_ONLY)) {
            String name = role.name().toLowerCase().replace("_", "");
            if (accounts.findByUsername(name).isEmpty()) {
                NewCredential c = accounts.createUnchecked(new NewUser(name, "Demo " + name, Set.of(role), "en", null));
                lines.append(String.format("  %-13s %s%n", name, c.secret()));
            }
        }
        log.warn(lines.append("===================================================================").toString());
    }

    private int fill(Random rnd) {
        LocalDate today = LocalDate.now(clock);
        List<UUID> stateBodies = new ArrayList<>();
        for (String[] body : new String[][] {{"National Police — Armoury", "POLICE"}, {"Army 1st Infantry Brigade", "ARMED_FORCES"},
                {"Customs Directorate", "CUSTOMS"}, {"Gendarmerie — Northern Region", "POLICE"}, {"National SALW Commission — Destruction Unit", "COMMISSION"}}) {
            stateBodies.add(registry.registerHolder(new HolderForm(HolderKind.STATE_BODY, body[0], null, null, null, null, null, null, body[1])).value());
        }
        List<UUID> dealers = new ArrayList<>();
        for (String dealer : List.of("Sahel Sporting Arms Ltd", "Coastal Hunting Supplies", "Capital Firearms Trading")) {
            dealers.add(registry.registerHolder(new HolderForm(HolderKind.COMPANY, dealer, null, null, null, null, null,
                    "RC-" + (1000 + rnd.nextInt(9000)), "DEALER")).value());
        }
        List<UUID> persons = new ArrayList<>();
        List<UUID> licences = new ArrayList<>();
        List<LocalDate> licensedFrom = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            HolderId p = registry.registerHolder(new HolderForm(HolderKind.PERSON, FIRST[rnd.nextInt(FIRST.length)] + " " + LAST[rnd.nextInt(LAST.length)],
                    null, LocalDate.of(1950 + rnd.nextInt(50), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)), "ID" + (100000 + rnd.nextInt(900000)),
                    (1 + rnd.nextInt(200)) + " " + PLACES[rnd.nextInt(PLACES.length)], "+000 " + (1000000 + rnd.nextInt(9000000)), null, null));
            LocalDate from = today.minusYears(1 + rnd.nextInt(8));
            LicenceId l = registry.issueLicence(p, new LicenceForm("FL-" + (2000 + i), rnd.nextBoolean() ? LicenceKind.POSSESSION : LicenceKind.CARRY,
                    from, today.plusYears(1 + rnd.nextInt(5)), "National Firearms Bureau"));
            licensedFrom.add(from);
            persons.add(p.value());
            licences.add(l.value());
        }
        List<Model> models = references.allModels();
        if (models.isEmpty()) {
            return 0;
        }
        int events = 0;
        List<BatchEvent> batch = new ArrayList<>();
        Set<String> issued = new java.util.HashSet<>();
        for (int i = 0; i < weaponCount; i++) {
            Model model = models.get(rnd.nextInt(models.size()));
            String country = references.maker(model.makerCode()).map(m -> m.country()).orElse(null);
            int year = 1960 + rnd.nextInt(today.getYear() - 1965);
            LocalDate imported = LocalDate.of(Math.max(year + 1, 1990 + rnd.nextInt(30)), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
            if (imported.isAfter(today)) {
                imported = today.minusDays(rnd.nextInt(300) + 30);
            }
            boolean forCivilian = model.type().name().matches("REVOLVER|SELF_LOADING_PISTOL|RIFLE|SHOTGUN|CARBINE");
            UUID firstHolder = forCivilian ? dealers.get(rnd.nextInt(dealers.size())) : stateBodies.get(rnd.nextInt(3));
            String serial = serial(rnd, model);
            // a second weapon of a maker with the same serial is refused unless confirmed: the demo gives each its own
            for (int attempt = 0; !issued.add(model.makerCode() + "/" + org.opensalw.registry.SerialNumbers.normalise(serial)); attempt++) {
                serial = attempt < 20 ? serial(rnd, model) : serial + "-" + i;
            }
            WeaponId id = registry.register(new Registration(
                    new WeaponDescription(model.type(), model.makerCode(), null, model.name(), model.calibre(), country, year, serial),
                    List.of(new MarkingInput(MarkingKind.IMPORT, "IMP " + imported.getYear(), null, imported.getYear())),
                    new EventCommand(EventKind.IMPORTED, imported, PLACES[6], "Customs Directorate", "IMP-" + imported.getYear() + "-" + i, null,
                            firstHolder, null, country == null ? "BE" : country, null), null, null));
            events += 2;
            LocalDate when = imported;
            int personIndex = rnd.nextInt(persons.size());
            if (forCivilian && rnd.nextInt(10) < 7) {
                // a dealer sells only to a person whose licence is already valid
                when = later(when, rnd, today);
                when = when.isBefore(licensedFrom.get(personIndex)) ? licensedFrom.get(personIndex) : when;
                batch.add(new BatchEvent(id, new EventCommand(EventKind.TRANSFERRED, when, PLACES[rnd.nextInt(PLACES.length)], "Dealer sale",
                        "SALE-" + i, null, persons.get(personIndex), null, null, null)));
                when = later(when, rnd, today);
                batch.add(new BatchEvent(id, new EventCommand(EventKind.LICENSED, when, null, "National Firearms Bureau", null, null, null,
                        licences.get(personIndex), null, null)));
            }
            int fate = rnd.nextInt(100);
            if (fate < 6) {
                when = later(when, rnd, today);
                batch.add(new BatchEvent(id, EventCommand.of(EventKind.REPORTED_STOLEN, when).withPlace(PLACES[rnd.nextInt(PLACES.length)], "Owner", "POL-" + i)));
                if (rnd.nextBoolean()) {
                    when = later(when, rnd, today);
                    batch.add(new BatchEvent(id, EventCommand.of(EventKind.SEIZED, when).withPlace(PLACES[rnd.nextInt(PLACES.length)], "National Police", "SZ-" + i)));
                }
            } else if (fate < 10) {
                when = later(when, rnd, today);
                batch.add(new BatchEvent(id, EventCommand.of(EventKind.REPORTED_LOST, when).withPlace(PLACES[rnd.nextInt(PLACES.length)], "Owner", null)));
            } else if (fate < 16) {
                when = later(when, rnd, today);
                batch.add(new BatchEvent(id, EventCommand.of(EventKind.SURRENDERED, when).withPlace("Amnesty collection point", "National SALW Commission", "AMN-" + i)
                        .withHolder(stateBodies.get(4))));
                if (rnd.nextBoolean()) {
                    when = later(when, rnd, today);
                    batch.add(new BatchEvent(id, EventCommand.of(EventKind.DESTROYED, when).withPlace("Central depot", "National SALW Commission", "DEST-" + when.getYear())));
                }
            }
            if (batch.size() >= 500 || i == weaponCount - 1) {
                events += batch.size();
                registry.recordEvents(batch, null);
                batch = new ArrayList<>();
            }
        }
        return events;
    }

    private static LocalDate later(LocalDate from, Random rnd, LocalDate today) {
        LocalDate next = from.plusDays(1 + rnd.nextInt(700));
        return next.isAfter(today) ? (from.isBefore(today) ? today : from) : next;
    }

    /** A serial in the model's documented format when there is one, else a maker-like letters-and-digits serial. */
    static String serial(Random rnd, Model model) {
        String format = model.serialFormat() == null || model.serialFormat().isBlank()
                ? (rnd.nextBoolean() ? "AA999999" : "99999999".substring(0, 5 + rnd.nextInt(4))) : model.serialFormat();
        StringBuilder sb = new StringBuilder();
        for (char c : format.toCharArray()) {
            sb.append(c == 'A' ? (char) ('A' + rnd.nextInt(26)) : c == '9' ? (char) ('0' + rnd.nextInt(10)) : c);
        }
        return sb.toString();
    }
}
