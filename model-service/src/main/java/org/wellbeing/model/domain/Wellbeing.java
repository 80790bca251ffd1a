package org.wellbeing.model.domain;

/** The formulas of MODEL.md, one method each, on plain numbers (hours and ratios). */
public final class Wellbeing {

  /** Rest below this many hours makes a short-rest day (EU daily rest). */
  public static final double DAILY_REST_HOURS = 11;

  /** Without a stretch off work this long in the 7-day window, r is halved. */
  public static final double DAY_OFF_HOURS = 24;

  /** A gap shorter than this does not end a shift. */
  public static final double SHIFT_GAP_HOURS = 3;

  /** A meeting-free piece this long or longer is focus time. */
  public static final double FOCUS_BLOCK_HOURS = 1;

  /** After-hours over 7 days that takes a to zero. */
  public static final double AFTER_HOURS_SCALE = 10;

  private Wellbeing() {}

  /** h = 1 − max(0, H7 − C7) / contract; with a 0 h contract, 1 when H7 ≤ C7, else 0. */
  public static double hoursFactor(double h7, double c7, double contractHoursPerWeek) {
    if (contractHoursPerWeek == 0) {
      return h7 <= c7 ? 1 : 0;
    }
    return clamp(1 - Math.max(0, h7 - c7) / contractHoursPerWeek);
  }

  /** a = 1 − A7 / 10 h. */
  public static double afterHoursFactor(double a7) {
    return clamp(1 - a7 / AFTER_HOURS_SCALE);
  }

  /** r = 1 − s / 7, halved when the window holds no 24 h stretch off work. */
  public static double restFactor(int shortRestDays, boolean hadDayOff) {
    double r = 1 - shortRestDays / 7.0;
    return clamp(hadDayOff ? r : r / 2);
  }

  /** W = h · a · r. */
  public static double balance(double h, double a, double r) {
    return clamp(h) * clamp(a) * clamp(r);
  }

  /** C7 = contract × (working days without absence) / (working days); 0 if none. */
  public static double contractInWindow(
      double contractHoursPerWeek, int workingDays, int workingDaysWithoutAbsence) {
    return workingDays == 0 ? 0 : contractHoursPerWeek * workingDaysWithoutAbsence / workingDays;
  }

  /** M = min(1, F7 / (0.5 · H7)); 1 when H7 = 0. */
  public static double timeManagement(double f7, double h7) {
    return h7 == 0 ? 1 : Math.min(1, f7 / (0.5 * h7));
  }

  /**
   * P = planned / learned over 28 days; 0.5 without career skills; 0 with skills planned but no
   * learning in the window.
   */
  public static double planAccuracy(boolean hasCareerSkills, double learning28, double planned28) {
    if (!hasCareerSkills) {
      return 0.5;
    }
    return learning28 == 0 ? 0 : planned28 / learning28;
  }

  /** g = E · W · M · P, skill points per learning hour. */
  public static double growthRate(double e, double w, double m, double p) {
    return e * w * m * p;
  }

  private static double clamp(double value) {
    return Math.max(0, Math.min(1, value));
  }
}
