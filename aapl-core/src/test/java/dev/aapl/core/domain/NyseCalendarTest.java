package dev.aapl.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NyseCalendarTest {

    private final NyseCalendar calendar = NyseCalendar.instance();

    private static Instant newYork(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime),
                NyseCalendar.NEW_YORK).toInstant();
    }

    @Nested
    class Holidays {

        /** Dates from the exchange's published holiday lists. */
        @ParameterizedTest(name = "{0} is closed for {1}")
        @CsvSource({
            "2021-01-01, New Year's Day",
            "2022-01-17, Martin Luther King Jr. Day",
            "2023-01-02, New Year's Day observed on Monday",
            "2023-01-16, Martin Luther King Jr. Day",
            "2024-01-15, Martin Luther King Jr. Day",
            "2025-01-20, Martin Luther King Jr. Day",
            "2022-02-21, Washington's Birthday",
            "2024-02-19, Washington's Birthday",
            "2026-02-16, Washington's Birthday",
            "2021-04-02, Good Friday",
            "2022-04-15, Good Friday",
            "2023-04-07, Good Friday",
            "2024-03-29, Good Friday",
            "2025-04-18, Good Friday",
            "2026-04-03, Good Friday",
            "2021-05-31, Memorial Day",
            "2024-05-27, Memorial Day",
            "2025-05-26, Memorial Day",
            "2022-06-20, Juneteenth observed on Monday",
            "2023-06-19, Juneteenth",
            "2027-06-18, Juneteenth observed on Friday",
            "2021-07-05, Independence Day observed on Monday",
            "2024-07-04, Independence Day",
            "2026-07-03, Independence Day observed on Friday",
            "2022-09-05, Labor Day",
            "2025-09-01, Labor Day",
            "2023-11-23, Thanksgiving",
            "2024-11-28, Thanksgiving",
            "2025-11-27, Thanksgiving",
            "2021-12-24, Christmas observed on Friday",
            "2022-12-26, Christmas observed on Monday",
            "2024-12-25, Christmas",
            "2025-01-09, national day of mourning",
            "2018-12-05, national day of mourning",
        })
        void isClosedOnHoliday(LocalDate date, String why) {
            assertThat(calendar.isTradingDay(date)).as(why).isFalse();
            assertThat(calendar.isHoliday(date)).as(why).isTrue();
            assertThat(calendar.barStarts(date)).isEmpty();
        }

        @ParameterizedTest(name = "{0} is a trading day: {1}")
        @CsvSource({
            "2021-06-18, Juneteenth was not an exchange holiday before 2022",
            "2021-12-31, a Saturday New Year's Day is not observed on Friday",
            "2027-12-31, a Saturday New Year's Day is not observed on Friday",
            "2023-07-03, the day before Independence Day",
            "2024-11-29, the day after Thanksgiving",
            "2026-07-02, a Thursday before an observed Friday holiday",
            "2024-03-28, the day before Good Friday",
        })
        void tradesOnOrdinaryDays(LocalDate date, String why) {
            assertThat(calendar.isTradingDay(date)).as(why).isTrue();
        }

        @Test
        void isClosedOnWeekends() {
            assertThat(calendar.isTradingDay(LocalDate.of(2024, 3, 9))).isFalse();
            assertThat(calendar.isTradingDay(LocalDate.of(2024, 3, 10))).isFalse();
            assertThat(calendar.isHoliday(LocalDate.of(2024, 3, 9))).isFalse();
        }

        @Test
        void computesEasterForKnownYears() {
            assertThat(NyseCalendar.easterSunday(2019)).isEqualTo(LocalDate.of(2019, 4, 21));
            assertThat(NyseCalendar.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
            assertThat(NyseCalendar.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
        }
    }

    @Nested
    class EarlyCloses {

        @ParameterizedTest(name = "{0} closes at 13:00")
        @CsvSource({"2023-07-03", "2024-07-03", "2025-07-03", "2023-11-24", "2024-11-29",
            "2025-11-28", "2024-12-24", "2025-12-24", "2026-12-24"})
        void closesEarly(LocalDate date) {
            assertThat(calendar.isEarlyClose(date)).isTrue();
            assertThat(calendar.barStarts(date)).hasSize(3);
            Instant last = calendar.barStarts(date).get(2);
            assertThat(calendar.barEnd(last)).isEqualTo(newYork(date + "T13:00"));
        }

        @ParameterizedTest(name = "{0} has a full session")
        @CsvSource({"2026-07-02", "2023-12-22", "2024-07-05", "2022-12-23"})
        void keepsFullSessionWhenNoEarlyCloseApplies(LocalDate date) {
            assertThat(calendar.isEarlyClose(date)).isFalse();
            assertThat(calendar.barStarts(date)).hasSize(7);
        }
    }

    @Nested
    class Bars {

        @Test
        void startsSevenBarsOnTheHalfHourOfAFullSession() {
            List<Instant> starts = calendar.barStarts(LocalDate.of(2024, 3, 4));

            assertThat(starts).containsExactly(newYork("2024-03-04T09:30"),
                    newYork("2024-03-04T10:30"), newYork("2024-03-04T11:30"),
                    newYork("2024-03-04T12:30"), newYork("2024-03-04T13:30"),
                    newYork("2024-03-04T14:30"), newYork("2024-03-04T15:30"));
        }

        @Test
        void endsTheLastBarOfTheDayAtTheCloseAfterThirtyMinutes() {
            Instant last = newYork("2024-03-04T15:30");

            assertThat(calendar.barEnd(last)).isEqualTo(newYork("2024-03-04T16:00"));
            assertThat(calendar.barLength(last)).isEqualTo(Duration.ofMinutes(30));
            assertThat(calendar.barLength(newYork("2024-03-04T10:30")))
                    .isEqualTo(Duration.ofHours(1));
        }

        @Test
        void followsTheSpringDaylightSavingSwitch() {
            assertThat(calendar.barStarts(LocalDate.of(2024, 3, 8)).get(0))
                    .isEqualTo(Instant.parse("2024-03-08T14:30:00Z"));
            assertThat(calendar.barStarts(LocalDate.of(2024, 3, 11)).get(0))
                    .isEqualTo(Instant.parse("2024-03-11T13:30:00Z"));
            assertThat(calendar.nextBarStart(Instant.parse("2024-03-08T20:30:00Z")))
                    .isEqualTo(Instant.parse("2024-03-11T13:30:00Z"));
        }

        @Test
        void followsTheAutumnDaylightSavingSwitch() {
            assertThat(calendar.barStarts(LocalDate.of(2023, 11, 3)).get(6))
                    .isEqualTo(Instant.parse("2023-11-03T19:30:00Z"));
            assertThat(calendar.barStarts(LocalDate.of(2023, 11, 6)).get(0))
                    .isEqualTo(Instant.parse("2023-11-06T14:30:00Z"));
            assertThat(calendar.isBarStart(Instant.parse("2023-11-06T13:30:00Z"))).isFalse();
        }

        @Test
        void knowsBarStartsAndRejectsOtherInstants() {
            assertThat(calendar.isBarStart(newYork("2024-03-04T09:30"))).isTrue();
            assertThat(calendar.isBarStart(newYork("2024-03-04T10:00"))).isFalse();
            assertThat(calendar.isBarStart(newYork("2024-03-04T16:30"))).isFalse();
            assertThat(calendar.isBarStart(newYork("2024-03-09T09:30"))).isFalse();
            assertThatThrownBy(() -> calendar.barEnd(newYork("2024-03-04T10:00")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not the start of an hourly NYSE bar");
        }
    }

    @Nested
    class NextBar {

        @Test
        void followsWithinTheSession() {
            assertThat(calendar.nextBarStart(newYork("2024-03-04T10:30")))
                    .isEqualTo(newYork("2024-03-04T11:30"));
            assertThat(calendar.nextBarStart(newYork("2024-03-04T10:45")))
                    .isEqualTo(newYork("2024-03-04T11:30"));
        }

        @Test
        void crossesTheNightAfterTheLastBar() {
            assertThat(calendar.nextBarStart(newYork("2024-03-04T15:30")))
                    .isEqualTo(newYork("2024-03-05T09:30"));
            assertThat(calendar.nextBarStart(newYork("2024-03-05T03:00")))
                    .isEqualTo(newYork("2024-03-05T09:30"));
        }

        @Test
        void crossesTheWeekendAndAMondayHoliday() {
            assertThat(calendar.nextBarStart(newYork("2024-03-08T15:30")))
                    .isEqualTo(newYork("2024-03-11T09:30"));
            assertThat(calendar.nextBarStart(newYork("2024-05-24T15:30")))
                    .isEqualTo(newYork("2024-05-28T09:30"));
        }

        @Test
        void crossesGoodFridayAndAnEarlyClose() {
            assertThat(calendar.nextBarStart(newYork("2024-03-28T15:30")))
                    .isEqualTo(newYork("2024-04-01T09:30"));
            assertThat(calendar.nextBarStart(newYork("2024-12-24T11:30")))
                    .isEqualTo(newYork("2024-12-26T09:30"));
        }

        @Test
        void countsTradingDaysAcrossHolidays() {
            assertThat(calendar.nextTradingDay(LocalDate.of(2024, 7, 3)))
                    .isEqualTo(LocalDate.of(2024, 7, 5));
            assertThat(calendar.previousTradingDay(LocalDate.of(2024, 1, 2)))
                    .isEqualTo(LocalDate.of(2023, 12, 29));
            assertThat(calendar.tradingDays(LocalDate.of(2024, 12, 23),
                    LocalDate.of(2024, 12, 29))).hasSize(4);
        }
    }

    @Nested
    class Completeness {

        @Test
        void barIsIncompleteUntilItEnds() {
            Instant start = newYork("2024-03-04T14:30");

            assertThat(calendar.isComplete(start, newYork("2024-03-04T15:29"))).isFalse();
            assertThat(calendar.isComplete(start, newYork("2024-03-04T15:30"))).isTrue();
        }

        @Test
        void lastBarOfTheDayIsCompleteAtTheClose() {
            Instant start = newYork("2024-03-04T15:30");

            assertThat(calendar.isComplete(start, newYork("2024-03-04T15:59"))).isFalse();
            assertThat(calendar.isComplete(start, newYork("2024-03-04T16:00"))).isTrue();
        }
    }
}
