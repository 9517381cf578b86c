package dev.berth.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpolationTest {

    private static final Map<String, String> ENV = Map.of("TAG", "1.27", "EMPTY", "", "HOST", "db");

    private static String fill(String text) {
        return Interpolation.apply(text, ENV).value();
    }

    @Test
    void textWithoutADollarIsLeftAsItIs() {
        assertThat(fill("nginx:latest")).isEqualTo("nginx:latest");
    }

    @Test
    void bareAndBracedVariablesAreFilledIn() {
        assertThat(fill("nginx:$TAG")).isEqualTo("nginx:1.27");
        assertThat(fill("nginx:${TAG}-alpine")).isEqualTo("nginx:1.27-alpine");
        assertThat(fill("$HOST:$TAG")).isEqualTo("db:1.27");
    }

    @Test
    void colonDashDefaultsWhenUnsetOrEmptyAndDashOnlyWhenUnset() {
        assertThat(fill("${MISSING:-x}")).isEqualTo("x");
        assertThat(fill("${EMPTY:-x}")).isEqualTo("x");
        assertThat(fill("${MISSING-x}")).isEqualTo("x");
        assertThat(fill("${EMPTY-x}")).isEmpty();
        assertThat(fill("${TAG:-x}")).isEqualTo("1.27");
    }

    @Test
    void plusGivesTheAlternativeOnlyWhenSet() {
        assertThat(fill("${TAG:+yes}")).isEqualTo("yes");
        assertThat(fill("${EMPTY:+yes}")).isEmpty();
        assertThat(fill("${EMPTY+yes}")).isEqualTo("yes");
        assertThat(fill("${MISSING+yes}")).isEmpty();
    }

    @Test
    void defaultsMayThemselvesHoldVariables() {
        assertThat(fill("${MISSING:-${HOST}:${OTHER:-5432}}")).isEqualTo("db:5432");
        assertThat(fill("${MISSING:-$TAG}")).isEqualTo("1.27");
    }

    @Test
    void aDoubleDollarIsALiteralDollarAndIsNotInterpolated() {
        assertThat(fill("cost $$5")).isEqualTo("cost $5");
        assertThat(fill("echo $${TAG} $$TAG")).isEqualTo("echo ${TAG} $TAG");
    }

    @Test
    void aDollarThatStartsNoVariableIsKept() {
        assertThat(fill("price: $ 5, $1 and a trailing $")).isEqualTo("price: $ 5, $1 and a trailing $");
    }

    @Test
    void anUnsetVariableBecomesEmptyAndIsReportedOnce() {
        Interpolation.Result result = Interpolation.apply("${NOPE}/$NOPE/${ALSO}", ENV);
        assertThat(result.value()).isEqualTo("//");
        assertThat(result.unset()).containsExactly("NOPE", "ALSO");
    }

    @Test
    void aVariableWithADefaultIsNotReportedAsUnset() {
        assertThat(Interpolation.apply("${NOPE:-a}${NOPE-b}${NOPE:?c}", Map.of("NOPE", "set")).unset()).isEmpty();
        assertThat(Interpolation.apply("${NOPE:-a}${NOPE-b}", ENV).unset()).isEmpty();
    }

    @Test
    void aRequiredVariableWithoutAValueFailsWithItsMessage() {
        assertThatThrownBy(() -> fill("${MISSING:?set MISSING to the API key}"))
                .hasMessage("required variable MISSING is missing a value: set MISSING to the API key");
        assertThatThrownBy(() -> fill("${EMPTY:?needed}")).hasMessageContaining("needed");
        assertThat(fill("${EMPTY?needed}")).isEmpty();
        assertThatThrownBy(() -> fill("${MISSING?}")).hasMessage("required variable MISSING is missing a value");
    }

    @Test
    void anUnclosedBraceIsAnError() {
        assertThatThrownBy(() -> fill("nginx:${TAG")).hasMessageContaining("'${' is not closed");
        assertThatThrownBy(() -> fill("${A:-${B}")).hasMessageContaining("'${' is not closed");
    }

    @Test
    void aBraceWithoutAVariableNameOrWithShellOnlySyntaxIsAnError() {
        assertThatThrownBy(() -> fill("${1TAG}")).hasMessageContaining("does not start with a variable name");
        assertThatThrownBy(() -> fill("${}")).hasMessageContaining("does not start with a variable name");
        assertThatThrownBy(() -> fill("${TAG/1/2}")).hasMessageContaining("is not a substitution compose knows");
    }
}
