package dk.qnet.matching;

import dk.qnet.testing.QnetInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** One real PostgreSQL and Kafka for all tests of this module: one Quarkus boot. */
@QuarkusTestResource(value = QnetInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "matching"))
public class QnetTestResources {
}
