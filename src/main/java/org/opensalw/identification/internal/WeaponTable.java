package org.opensalw.identification.internal;

import org.opensalw.shared.TextKey;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.WeaponId;
import org.opensalw.registry.WeaponIdentity;
import org.opensalw.registry.WeaponStatus;

/**
 * The identifying data of every weapon in columns of primitive arrays, numbered 0..n-1: about 60 bytes a weapon
 * instead of several hundred as objects. Serials are kept in their clean form in one char pool.
 */
final class WeaponTable {

    private static final WeaponType[] TYPES = WeaponType.values();
    private static final WeaponStatus[] STATUSES = WeaponStatus.values();

    private int size;
    private long[] msb;
    private long[] lsb;
    private int[] serialStart;
    private char[] serials;
    private int[] maker;
    private int[] model;
    private int[] calibre;
    private short[] country;
    private short[] year;
    private byte[] type;
    private byte[] status;
    final Dictionary makers = new Dictionary(UnaryOperator.identity());
    final Dictionary models = new Dictionary(TextKey::of);
    final Dictionary calibres = new Dictionary(Matching::calibreKey);
    final Dictionary countries = new Dictionary(UnaryOperator.identity());
    private final LongIntMap byId = new LongIntMap();

    WeaponTable(int expected) {
        int cap = Math.max(1024, expected);
        msb = new long[cap];
        lsb = new long[cap];
        serialStart = new int[cap + 1];
        serials = new char[cap * 10];
        maker = new int[cap];
        model = new int[cap];
        calibre = new int[cap];
        country = new short[cap];
        year = new short[cap];
        type = new byte[cap];
        status = new byte[cap];
    }

    /** Adds the weapon and returns its number; the clean serial is given (already computed by the caller). */
    int add(WeaponIdentity w, String cleanSerial) {
        grow();
        int n = size++;
        msb[n] = w.id().value().getMostSignificantBits();
        lsb[n] = w.id().value().getLeastSignificantBits();
        int start = serialStart[n];
        if (start + cleanSerial.length() > serials.length) {
            serials = Arrays.copyOf(serials, Math.max(serials.length * 2, start + cleanSerial.length()));
        }
        cleanSerial.getChars(0, cleanSerial.length(), serials, start);
        serialStart[n + 1] = start + cleanSerial.length();
        maker[n] = makers.number(w.makerCode() != null ? w.makerCode() : TextKey.of(w.makerAsMarked()));
        model[n] = models.number(w.model());
        calibre[n] = calibres.number(w.calibre());
        country[n] = (short) countries.number(w.countryOfManufacture());
        year[n] = w.yearOfManufacture() == null ? 0 : w.yearOfManufacture().shortValue();
        type[n] = w.type() == null ? -1 : (byte) w.type().ordinal();
        status[n] = w.status() == null ? -1 : (byte) w.status().ordinal();
        byId.put(key(w.id()), n);
        return n;
    }

    int size() {
        return size;
    }

    int number(WeaponId id) {
        return byId.get(key(id));
    }

    void status(int n, WeaponStatus s) {
        status[n] = (byte) s.ordinal();
    }

    WeaponId id(int n) {
        return new WeaponId(new UUID(msb[n], lsb[n]));
    }

    String serial(int n) {
        return new String(serials, serialStart[n], serialStart[n + 1] - serialStart[n]);
    }

    int maker(int n) {
        return maker[n];
    }

    int model(int n) {
        return model[n];
    }

    int calibre(int n) {
        return calibre[n];
    }

    String country(int n) {
        return countries.value(country[n]);
    }

    Integer year(int n) {
        return year[n] == 0 ? null : (int) year[n];
    }

    WeaponType type(int n) {
        return type[n] < 0 ? null : TYPES[type[n]];
    }

    WeaponStatus status(int n) {
        return status[n] < 0 ? null : STATUSES[status[n]];
    }

    long bytes() {
        return msb.length * 50L + serials.length * 2L + byId.bytes();
    }

    private static long key(WeaponId id) {
        return id.value().getMostSignificantBits() ^ Long.rotateLeft(id.value().getLeastSignificantBits(), 17);
    }

    private void grow() {
        if (size < msb.length) {
            return;
        }
        int cap = msb.length * 3 / 2;
        msb = Arrays.copyOf(msb, cap);
        lsb = Arrays.copyOf(lsb, cap);
        serialStart = Arrays.copyOf(serialStart, cap + 1);
        maker = Arrays.copyOf(maker, cap);
        model = Arrays.copyOf(model, cap);
        calibre = Arrays.copyOf(calibre, cap);
        country = Arrays.copyOf(country, cap);
        year = Arrays.copyOf(year, cap);
        type = Arrays.copyOf(type, cap);
        status = Arrays.copyOf(status, cap);
    }
}
