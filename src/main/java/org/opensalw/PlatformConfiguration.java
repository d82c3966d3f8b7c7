package org.opensalw;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every module may ask for. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /**
     * One clock for all records, so that tests can fix time. Instants are zone-free; its zone (the node's,
     * {@code opensalw.time-zone}, else the machine's) says which date "today" is: an authority east of Greenwich that
     * records a seizure just after its midnight must not be told the date is in the future because it is still
     * yesterday in UTC.
     */
    @Bean
    Clock clock(@Value("${opensalw.time-zone:}") String zone) {
        if (zone.isBlank()) {
            return Clock.systemDefaultZone();
        }
        try {
            return Clock.system(ZoneId.of(zone.trim()));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("opensalw.time-zone=" + zone + " is not a time zone (use a name such as Africa/Nairobi,"
                    + " Europe/Paris or UTC): " + e.getMessage(), e);
        }
    }
}
