package org.wellbeing.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OVERTIME_FORECAST at its boundaries (MODEL.md). March 2026 has 22 weekdays; every weekday has 8 h
 * of contract and the model stores every day of the month, those after the last event too.
 */
class OvertimeForecastRuleTest {

  private static final double EPS = 1e-9;

  /**
   * March 2026 for a Monday-to-Friday person whose events end on {@code latest}: weekdays up to
   * then worked {@code hours}, the rest of the month stored with its contract and nothing worked.
   */
  private static List<Figure> march(String latest, double hours) {
    LocalDate last = LocalDate.parse(latest);
    List<Figure> figures = new ArrayList<>();
    for (LocalDate d = LocalDate.parse("2026-03-01");
        !d.isAfter(LocalDate.parse("2026-03-31"));
        d = d.plusDays(1)) {
      boolean weekday = d.getDayOfWeek().getValue() <= 5;
      Figure f = Figures.withContract(Figures.quiet(d), weekday ? 8 : 0);
      if (!d.isAfter(last) && weekday) {
        f = Figures.withWorked(f, hours);
      }
      figures.add(f);
    }
    return figures;
  }

  private static List<Figure> withWorked(List<Figure> figures, String date, double hours) {
    List<Figure> copy = new ArrayList<>(figures);
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i).date().toString().equals(date)) {
        copy.set(i, Figures.withWorked(copy.get(i), hours));
      }
    }
    return copy;
  }

  private static List<Finding> forecast(RuleBook book, List<Figure> figures) {
    return book.evaluate(figures).stream()
        .filter(f -> f.rule() == RuleId.OVERTIME_FORECAST)
        .toList();
  }

  private static List<Finding> forecast(List<Figure> figures) {
    return forecast(RuleBook.of(RuleBook.Preset.EU), figures);
  }

  @Test
  void fiveElapsedContractDaysProjectTheRestOfTheMonthAndNameTheBreachDate() {
    // 2 to 6 March at 11 h: OT = 15 over n_e = 5; n_r = 17; 15 + 17 · 3 = 66
    Finding f = forecast(march("2026-03-06", 11)).get(0);

    assertThat(f.period().label()).isEqualTo("2026-03");
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.value()).isCloseTo(66.0, within(EPS));
    assertThat(f.threshold()).isEqualTo(45.0);
    // 15 + k · 3 > 45 first for k = 11: the 11th weekday after 6 March is 23 March
    assertThat(f.forecast())
        .isEqualTo(new Finding.Forecast(15.0, 5, 17, LocalDate.parse("2026-03-23")));
    assertThat(f.days())
        .hasSize(6)
        .first()
        .isEqualTo(Map.of("date", "2026-03-01", "workedHours", 0.0, "contractHours", 0.0));
  }

  @Test
  void fourElapsedContractDaysAreTooFewWhateverTheirOvertime() {
    // 2 to 5 March at 14 h: OT = 24 over n_e = 4 would project far beyond 45
    assertThat(forecast(march("2026-03-05", 14))).isEmpty();
    assertThat(forecast(march("2026-03-06", 14))).hasSize(1);
  }

  @Test
  void aProjectionExactlyAtTheThresholdDoesNotFireAndJustAboveDoes() {
    // 2 to 16 March is n_e = 11, n_r = 11: OT = 22.5 projects to exactly 45
    List<Figure> at = withWorked(march("2026-03-16", 10), "2026-03-16", 10.5);
    assertThat(forecast(at)).isEmpty();

    List<Figure> above = withWorked(march("2026-03-16", 10), "2026-03-16", 10.51);
    Finding f = forecast(above).get(0);
    assertThat(f.value()).isCloseTo(45.02, within(EPS));
    // 22.51 + k · 22.51 / 11 > 45 first for k = 11, the last weekday of March
    assertThat(f.forecast().breachDate()).isEqualTo(LocalDate.parse("2026-03-31"));
    assertThat(f.forecast().remainingContractDays()).isEqualTo(11);
  }

  @Test
  void noRemainingContractDayMeansNothingToForecast() {
    // events up to the last weekday: n_r = 0; the month's own overtime is 22 · 1.5 = 33
    assertThat(forecast(march("2026-03-31", 9.5))).isEmpty();
  }

  @Test
  void overtimeAlreadyPastTheThresholdIsNoForecast() {
    // 2 to 20 March at 10.5 h: OT = 37.5 ≤ 45 projects to 55; at 11.1 h OT = 46.5 is already past
    assertThat(forecast(march("2026-03-20", 10.5))).hasSize(1);
    assertThat(forecast(march("2026-03-20", 11.1))).isEmpty();
  }

  @Test
  void whenTheMonthsOvertimeFiresTheForecastIsSuperseded() {
    // up to 30 March at 10.2 h: OT = 21 · 2.2 = 46.2 for the month less 31 March's 8 h = 38.2;
    // one more long day on 31 March makes the month itself fire
    List<Figure> month = march("2026-03-30", 10.2);
    List<Finding> findings = RuleBook.of(RuleBook.Preset.EU).evaluate(month);
    assertThat(findings).extracting(Finding::rule).doesNotContain(RuleId.MONTHLY_OVERTIME);

    List<Figure> breached = withWorked(month, "2026-03-31", 16);
    assertThat(RuleBook.of(RuleBook.Preset.EU).evaluate(breached))
        .extracting(Finding::rule)
        .contains(RuleId.MONTHLY_OVERTIME)
        .doesNotContain(RuleId.OVERTIME_FORECAST);
  }

  @Test
  void theLatestDateWithAnyEventCountsEvenWithoutWork() {
    // an absence day on Monday 9 March (no contract, nothing worked) moves F: n_e stays 5 with
    // OT = 15, n_r = 16, and the 11th contract day after F is 24 March
    List<Figure> figures = new ArrayList<>(march("2026-03-06", 11));
    figures.set(8, Figures.withEvents(Figures.withContract(figures.get(8), 0)));
    Finding f = forecast(figures).get(0);

    assertThat(f.forecast())
        .isEqualTo(new Finding.Forecast(15.0, 5, 16, LocalDate.parse("2026-03-24")));
    assertThat(f.value()).isCloseTo(63.0, within(EPS));
  }

  @Test
  void onlyTheMonthOfTheLatestEventIsForecast() {
    // February at 11 h a day, then one ordinary day on 2 March: March has n_e = 1
    List<Figure> figures = new ArrayList<>();
    for (LocalDate d = LocalDate.parse("2026-02-01");
        d.isBefore(LocalDate.parse("2026-03-01"));
        d = d.plusDays(1)) {
      boolean weekday = d.getDayOfWeek().getValue() <= 5;
      Figure f = Figures.withContract(Figures.quiet(d), weekday ? 8 : 0);
      figures.add(weekday && d.getDayOfMonth() <= 10 ? Figures.withWorked(f, 11) : f);
    }
    List<Figure> march = march("2026-03-02", 8);
    figures.addAll(march);
    assertThat(forecast(figures)).isEmpty();
  }

  @Test
  void everyPresetJudgesWithItsOwnMonthlyThresholdAndNoneHasNoForecast() {
    List<Figure> figures = march("2026-03-06", 11);
    assertThat(forecast(RuleBook.of(RuleBook.Preset.JAPAN), figures))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.threshold())
                    .isEqualTo(
                        RuleBook.of(RuleBook.Preset.JAPAN)
                            .settings(RuleId.MONTHLY_OVERTIME)
                            .threshold()));
    assertThat(forecast(RuleBook.of(RuleBook.Preset.NONE), figures)).isEmpty();

    // a stricter monthly threshold moves the forecast with it: 15 + k · 3 > 30 for k = 6
    var settings = RuleBook.preset(RuleBook.Preset.EU);
    settings.put(RuleId.MONTHLY_OVERTIME, RuleSettings.of(Severity.WARNING, 30, 80.0, 0));
    Finding f = forecast(new RuleBook(settings), figures).get(0);
    assertThat(f.threshold()).isEqualTo(30.0);
    assertThat(f.forecast().breachDate()).isEqualTo(LocalDate.parse("2026-03-16"));
    assertThat(LocalDate.parse("2026-03-16").getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
  }
}
