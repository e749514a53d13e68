package dk.qnet.statistics.publish;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Collection;
import java.util.Map;

/**
 * What a reader can work out about some unknown counts from constraints between them: each unknown
 * at least 0, each constraint a sum of unknowns with coefficients equal to a known number (or at
 * least one). Solved by
 * Glop, the sparse revised simplex of Google OR-Tools (native code). A year's national cube joins
 * about 1,500 hidden cells into one program, which Glop solves in milliseconds; a dense simplex
 * (Commons Math, used before) took 30 s per solve there, so such programs went unaudited.
 *
 * <p>Each answer is a whole solution, so one solve can show many cells at once to be able to be 0
 * (or at least the threshold): the audit uses it as a witness and solves fewer programs.
 */
final class LinearProgram implements AutoCloseable {

    /** The answer to a program: the best value of the objective, and a solution reaching it. Null where the solver failed. */
    record Solution(double value, double[] values) {
    }

    private static final class Native {
        static {
            Loader.loadNativeLibraries();
        }

        static void load() {
            // Loads the class, and with it the native libraries, once.
        }
    }

    private final MPSolver solver;
    private final MPVariable[] x;

    /** A constraint: the sum of unknowns with coefficients lies from {@code lower} to {@code upper} (equal where they are). */
    record Constraint(Map<Integer, Double> coefficients, double lower, double upper) {

        static Constraint equal(Map<Integer, Double> coefficients, double value) {
            return new Constraint(coefficients, value, value);
        }

        static Constraint atLeast(Map<Integer, Double> coefficients, double value) {
            return new Constraint(coefficients, value, Double.POSITIVE_INFINITY);
        }
    }

    LinearProgram(int unknowns, Collection<Constraint> constraints) {
        Native.load();
        solver = MPSolver.createSolver("GLOP");
        if (solver == null) {
            throw new IllegalStateException("the GLOP linear solver is not available");
        }
        // Without presolve, each solve starts from the last one's basis: the audit changes only the objective and bounds.
        solver.setSolverSpecificParametersAsString("use_preprocessing: false");
        x = new MPVariable[unknowns];
        for (int i = 0; i < unknowns; i++) {
            x[i] = solver.makeNumVar(0, Double.POSITIVE_INFINITY, "x" + i);
        }
        for (Constraint constraint : constraints) {
            MPConstraint c = solver.makeConstraint(constraint.lower(), constraint.upper());
            constraint.coefficients().forEach((v, coefficient) -> c.setCoefficient(x[v], coefficient));
        }
    }

    /** The least the sum of {@code targets} can be; null where the solver failed. */
    Solution minimise(Collection<Integer> targets) {
        return solve(targets, false);
    }

    /** The most the sum of {@code targets} can be, each held to at most {@code cap} (so the answer is bounded). */
    Solution maximiseCapped(Collection<Integer> targets, double cap) {
        targets.forEach(t -> x[t].setUb(cap));
        try {
            return solve(targets, true);
        } finally {
            targets.forEach(t -> x[t].setUb(Double.POSITIVE_INFINITY));
        }
    }

    /**
     * The most a target can be, or infinite where it reaches {@code cap}. (Glop may call an
     * unbounded program infeasible, and a cap far beyond the counts, such as 10^8, upsets its
     * tolerances: the caller gives one a little beyond the cube's largest count.)
     */
    Solution maximise(int target, double cap) {
        Solution most = maximiseCapped(java.util.List.of(target), cap);
        return most == null || most.value() < cap - 0.5 ? most : new Solution(Double.POSITIVE_INFINITY, most.values());
    }

    private Solution solve(Collection<Integer> targets, boolean maximise) {
        MPObjective objective = solver.objective();
        objective.clear();
        targets.forEach(t -> objective.setCoefficient(x[t], 1));
        if (maximise) {
            objective.setMaximization();
        } else {
            objective.setMinimization();
        }
        MPSolver.ResultStatus status = solver.solve();
        if (status != MPSolver.ResultStatus.OPTIMAL) {
            // The published table itself is a solution and every maximum is capped: this is the solver's failure.
            return null;
        }
        double[] values = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            values[i] = x[i].solutionValue();
        }
        return new Solution(objective.value(), values);
    }

    @Override
    public void close() {
        solver.delete();
    }
}
