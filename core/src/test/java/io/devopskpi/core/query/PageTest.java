package io.devopskpi.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.devopskpi.core.kpi.InvalidQueryException;
import io.devopskpi.core.kpi.QueryError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageTest {
    @Test
    void defaultsToTheFirstHundred() {
        assertThat(Page.parse(Map.of())).isEqualTo(new Page(0, 100));
        assertThat(Page.parse(Map.of("offset", List.of("40"), "limit", List.of("500")))).isEqualTo(new Page(40, 500));
    }

    @ParameterizedTest
    @CsvSource({"offset,-1", "offset,ten", "offset,99999999999", "limit,501", "limit,1.5", "limit,''"})
    void refusesWhatIsNoWholeNumberInRangeNamingTheParameter(String name, String value) {
        InvalidQueryException e = catchThrowableOfType(InvalidQueryException.class,
                () -> Page.parse(Map.of(name, List.of(value))));

        assertThat(e.errors()).extracting(QueryError::field).containsExactly(name);
        assertThat(e.errors().get(0).message()).contains("'" + value + "'");
    }

    @Test
    void slicesAListHeldInMemory() {
        ResultPage<String> page = ResultPage.of(List.of("a", "b", "c"), new Page(2, 5));

        assertThat(page.items()).containsExactly("c");
        assertThat(page.total()).isEqualTo(3);
        assertThat(ResultPage.of(List.of("a"), new Page(7, 5)).items()).isEmpty();
    }
}
