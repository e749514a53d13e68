package dk.qnet.platform.problem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource whose answers are pages for a person at a browser: its errors are pages too
 * (ErrorPages), where an API resource's are problem+json. The kind of resource decides, not its
 * path.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PageResource {
}
