package org.wellbeing.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * What limits a person's learning on a date (MODEL.md "Growth"), served by {@code GET
 * /api/v1/people/{personId}/growth}. With what-if parameters the factors, the rates and the
 * projections are those of the values given.
 *
 * @param skill S on the date
 * @param skillRate g = E · W · M · P of the factors shown
 * @param bottleneck the smallest factor (ties to the first of W, M, P, E)
 * @param rateWithoutBottleneck g with the bottleneck raised to 1
 * @param learningPerWeek learning hours over the trailing 28 days ÷ 4, or the value given
 * @param skillAtPace S + weeks · learningPerWeek · skillRate
 * @param skillWithoutBottleneck S + weeks · learningPerWeek · rateWithoutBottleneck
 * @param stoppedBy the first factor that is 0, which stops growth whatever the learning; absent
 *     when none is
 */
public record Growth(
    String personId,
    LocalDate date,
    double skill,
    double skillRate,
    Factors factors,
    String bottleneck,
    double rateWithoutBottleneck,
    double learningPerWeek,
    int weeks,
    double skillAtPace,
    double skillWithoutBottleneck,
    @JsonInclude(JsonInclude.Include.NON_NULL) String stoppedBy) {

  /** The four factors of the growth rate, each in [0, 1]. */
  public record Factors(
      @JsonProperty("W") double w,
      @JsonProperty("M") double m,
      @JsonProperty("P") double p,
      @JsonProperty("E") double e) {}
}
