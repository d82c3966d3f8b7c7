package org.opensalw;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every module may ask for. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** One clock for all records, so that tests can fix time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
