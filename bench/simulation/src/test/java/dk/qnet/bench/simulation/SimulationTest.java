package dk.qnet.bench.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The simulation itself is checked: same people for every policy, no constraint broken, the bound holds. */
class SimulationTest {

    @Test
    void everyPolicyMeetsTheSamePeopleAndBreaksNoHardConstraint() throws Exception {
        Geography geography = Geography.fromSeed(Geography.findRepositoryRoot());
        Population population = new Population(7, geography, Simulation.START, -Simulation.WARM_UP, Simulation.YEAR,
                Simulation.WOMEN_PER_YEAR, Simulation.VOLUNTEERS);
        Simulation.Outcome greedy = Simulation.run(population, Simulation.Policy.FIFO_GREEDY);
        Simulation.Outcome engine = Simulation.run(population, Simulation.Policy.ENGINE);
        Simulation.Outcome bound = Simulation.hindsight(population);

        assertEquals(greedy.cohort(), engine.cohort());
        assertEquals(greedy.cohort(), bound.cohort());
        assertTrue(greedy.cohort() > 300 && greedy.cohort() < 500, "about 400 women a year: " + greedy.cohort());
        assertEquals(0, greedy.violations());
        assertEquals(0, engine.violations());
        assertTrue(engine.quality() <= bound.quality(), "the hindsight bound is an upper bound");
        assertTrue(greedy.quality() <= bound.quality(), "the hindsight bound is an upper bound");
        assertTrue(engine.matched() <= engine.cohort());
    }

    @Test
    void percentilesCountWomenNeverMatchedAsWaitingForever() {
        assertEquals(3, Simulation.percentile(java.util.List.of(1, 2, 3, 4), 50 + 25));
        assertEquals(-1, Simulation.percentile(java.util.List.of(1, Integer.MAX_VALUE), 90));
        assertEquals(1, Simulation.percentile(java.util.List.of(1, Integer.MAX_VALUE), 50));
    }
}
