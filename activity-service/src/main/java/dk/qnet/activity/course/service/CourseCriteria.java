package dk.qnet.activity.course.service;

import dk.qnet.activity.course.Course;
import dk.qnet.activity.service.KnownPeople;
import dk.qnet.platform.problem.Problem;
import dk.qnet.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a woman meets a course's criteria: its language, and for a course for children, enough
 * of her children in its age band. Ages come from birth years only, so a child counts as in the
 * band when she may be of an age in it during the course's first year. Each unmet criterion is a
 * sentence a coordinator can act on: in English for the API, by its code in Danish on the pages.
 */
public final class CourseCriteria {

    /** One unmet criterion: a code (the pages' text key) and the values its sentence names. */
    public record Unmet(String code, String english, List<Object> values) {
    }

    /** 409: she does not meet the course's criteria; the reasons in the detail, and as codes for the pages. */
    public static final class NotMet extends ProblemException {

        private final transient List<Unmet> reasons;

        NotMet(List<Unmet> reasons) {
            super(Problem.of(409, "course-criteria-not-met", "Criteria not met",
                    "The course's criteria are not met. " + String.join(" ", reasons.stream().map(Unmet::english).toList())));
            this.reasons = List.copyOf(reasons);
        }

        public List<Unmet> reasons() {
            return reasons;
        }
    }

    private CourseCriteria() {
    }

    public static List<Unmet> unmet(Course c, KnownPeople.CourseProfile woman, int children, int courseYear) {
        List<Unmet> reasons = new ArrayList<>();
        if (woman.languages().isEmpty()) {
            reasons.add(new Unmet("noLanguages", "Her referral names no languages; the course is held in '" + c.language + "'.",
                    List.of(c.language)));
        } else if (!woman.languages().contains(c.language)) {
            String hers = String.join(", ", woman.languages());
            reasons.add(new Unmet("language", "The course is held in '" + c.language + "'; her referral names " + hers + ".",
                    List.of(c.language, hers)));
        }
        if (c.audience.children() && children > 0) {
            long inBand = woman.childrenBirthYears().stream().filter(year -> inBand(c, year, courseYear)).count();
            if (inBand < children) {
                String band = c.childMinAge + "-" + c.childMaxAge;
                reasons.add(new Unmet("childrenAge", "The course is for children aged " + band + "; she has " + inBand
                        + " child(ren) of that age by birth year, and " + children + " were put forward.", List.of(band, inBand, children)));
            }
        }
        return reasons;
    }

    static void check(Course c, KnownPeople.CourseProfile woman, int children, int courseYear) {
        List<Unmet> reasons = unmet(c, woman, children, courseYear);
        if (!reasons.isEmpty()) {
            throw new NotMet(reasons);
        }
    }

    /** A child born in {@code birthYear} is aged {@code courseYear - birthYear - 1} or {@code courseYear - birthYear} in the course's year. */
    static boolean inBand(Course c, int birthYear, int courseYear) {
        int oldest = courseYear - birthYear;
        return oldest >= c.childMinAge && oldest - 1 <= c.childMaxAge;
    }
}
