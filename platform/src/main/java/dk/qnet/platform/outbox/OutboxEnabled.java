package dk.qnet.platform.outbox;

import io.quarkus.arc.properties.UnlessBuildProperty;
import jakarta.enterprise.inject.Stereotype;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The outbox's beans exist only in a service that publishes events. A service that only consumes
 * (statistics-service) sets the build property {@code qnet.outbox.enabled=false}, and gets no relay
 * polling an outbox it never writes.
 */
@Stereotype
@UnlessBuildProperty(name = "qnet.outbox.enabled", stringValue = "false", enableIfMissing = true)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface OutboxEnabled {
}
