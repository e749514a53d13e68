package dk.qnet.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.qnet.platform.validation.DanishPhone;
import dk.qnet.platform.validation.LanguageCode;
import dk.qnet.platform.validation.MunicipalityCode;
import dk.qnet.platform.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** Bean Validation's findings in the suite's words: the API's field names, one error per field. */
class FieldErrorsTest {

    record Child(@NotNull @Min(2000) @Max(2030) Integer birthYear) {
    }

    record Body(@NotBlank @Size(max = 5) @PlainText String name,
                @NotNull @DanishPhone @Size(max = 20) String phone,
                @NotNull @MunicipalityCode @Size(min = 4, max = 4) String municipalityCode,
                @NotEmpty(message = "at least one language is required") @Size(max = 2) List<@NotNull @LanguageCode @Size(min = 2, max = 2) String> languages,
                @Size(max = 3) List<@NotNull @Valid Child> children) {
    }

    static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    static Map<String, String> errors(Object body) {
        return FieldErrors.of(VALIDATOR.validate(body)).list().stream().collect(Collectors.toMap(FieldError::field, FieldError::message));
    }

    @Test
    void aValidBodyHasNoErrors() {
        assertTrue(errors(new Body("Ana", "+45 12 34 56 78", "0101", List.of("da"), List.of(new Child(2015)))).isEmpty());
    }

    @Test
    void everyFieldIsNamedAsTheApiNamesItOnce() {
        Map<String, String> e = errors(new Body(null, "123", "9999", List.of("da", "danish"),
                java.util.Arrays.asList(new Child(1990), null)));
        assertEquals(Map.of(
                "name", "is required",
                "phone", "must be a Danish number: +45 and 8 digits",
                "municipalityCode", "must be the 4-digit code of a Danish municipality",
                "languages[1]", "must be an ISO 639-1 code in lower case, such as da",
                "children[0].birthYear", "must be at least 2000",
                "children[1]", "is required"), e);
    }

    @Test
    void theMessageThatSaysMostWinsAndNoValueIsRepeated() {
        Map<String, String> e = errors(new Body("Bo\u0007bby", "+45 1234567890123456789", "01", List.of(), List.of()));
        assertEquals("must not contain control characters", e.get("name"), "a rule with words of its own before a bare bound");
        assertEquals("must be a Danish number: +45 and 8 digits", e.get("phone"));
        assertEquals("must be the 4-digit code of a Danish municipality", e.get("municipalityCode"));
        assertEquals("at least one language is required", e.get("languages"), "a message given on the annotation is kept");
        e.values().forEach(message -> assertTrue(!message.contains("Bo") && !message.contains("1234"), message));
    }

    @Test
    void aRuleWrittenInCodeOnlyAddsToAFieldWithoutAnError() {
        FieldErrors e = FieldErrors.of(VALIDATOR.validate(new Body(null, "+4512345678", "0101", List.of("da"), null)));
        e.add("name", "a second opinion").add("phone", "must not be a landline");
        assertEquals(List.of(new FieldError("name", "is required"), new FieldError("phone", "must not be a landline")), e.list());
        ProblemException thrown = assertThrows(ProblemException.class, () -> e.throwIfAny("The body"));
        assertEquals(400, thrown.problem().status());
        assertEquals("The body has 2 invalid field(s).", thrown.problem().detail());
        new FieldErrors().throwIfAny("Nothing");
    }
}
