package dev.cubby.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTimeTest {
    @ParameterizedTest
    @CsvSource({
        "20130524T000000Z, 2013-05-24T00:00:00Z",
        "20241231T235959Z, 2024-12-31T23:59:59Z",
        "' 20240229T120000Z ', 2024-02-29T12:00:00Z",
    })
    void readsTheBasicIsoForm(String header, String expected) {
        RequestTime time = RequestTime.parseAmzDate(header).orElseThrow();
        assertEquals(Instant.parse(expected), time.instant());
        assertEquals(header.trim(), time.amzDate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2013-05-24T00:00:00Z", "20130524T000000", "20130524 000000Z", "2013O524T000000Z",
        "20130230T000000Z", "20230229T000000Z", "20130524T240000Z", "20130524T006000Z", "20131324T000000Z",
        "+0130524T000000Z", "20130524T00000Z0"})
    void refusesAnythingElse(String header) {
        assertTrue(RequestTime.parseAmzDate(header).isEmpty(), header);
    }
}
