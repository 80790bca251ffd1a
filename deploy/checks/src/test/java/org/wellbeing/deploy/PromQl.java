package org.wellbeing.deploy;

import java.util.Set;
import java.util.TreeSet;

/**
 * The metric names a PromQL expression reads. Enough of PromQL's lexical structure to tell a metric
 * from a function, an aggregation, a keyword, a label or a duration; whether the expression parses
 * at all is promtool's job.
 */
final class PromQl {

  private static final Set<String> AGGREGATIONS =
      Set.of(
          "sum",
          "min",
          "max",
          "avg",
          "group",
          "stddev",
          "stdvar",
          "count",
          "count_values",
          "bottomk",
          "topk",
          "quantile",
          "limitk",
          "limit_ratio");

  /** Keywords followed by a parenthesised list of label names. */
  private static final Set<String> LABEL_LISTS =
      Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "unless", "bool", "offset", "atan2", "inf", "nan", "@", "start", "end");

  private PromQl() {}

  static Set<String> metricNames(String expr) {
    Set<String> names = new TreeSet<>();
    int i = 0;
    int n = expr.length();
    while (i < n) {
      char c = expr.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        i = skipString(expr, i);
      } else if (c == '{') {
        i = skipTo(expr, i, '}');
      } else if (c == '[') {
        i = skipTo(expr, i, ']');
      } else if (c == '#') {
        while (i < n && expr.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '$') {
        // a Grafana variable outside a string: ${name} or $name
        i++;
        if (i < n && expr.charAt(i) == '{') {
          i = skipTo(expr, i, '}');
        } else {
          while (i < n && isNamePart(expr.charAt(i))) {
            i++;
          }
        }
      } else if (Character.isDigit(c)
          || c == '.' && i + 1 < n && Character.isDigit(expr.charAt(i + 1))) {
        // numbers, durations and hexadecimals
        while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.')) {
          i++;
        }
      } else if (isNameStart(c)) {
        int start = i;
        while (i < n && isNamePart(expr.charAt(i))) {
          i++;
        }
        String word = expr.substring(start, i);
        int next = skipSpace(expr, i);
        boolean call = next < n && expr.charAt(next) == '(';
        if (LABEL_LISTS.contains(word)) {
          if (call) {
            i = skipTo(expr, next, ')');
          }
        } else if (word.equals("offset")) {
          i = skipWord(expr, skipSpace(expr, i));
        } else if (!call && !AGGREGATIONS.contains(word) && !KEYWORDS.contains(word)) {
          names.add(word);
        }
      } else {
        i++;
      }
    }
    return names;
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_' || c == ':';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == ':';
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int skipWord(String s, int i) {
    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-')) {
      i++;
    }
    return i;
  }

  private static int skipString(String s, int i) {
    char quote = s.charAt(i);
    i++;
    while (i < s.length() && s.charAt(i) != quote) {
      if (s.charAt(i) == '\\' && quote != '`') {
        i++;
      }
      i++;
    }
    return i + 1;
  }

  /** Skips past the {@code close} that ends the group opening at {@code i}, strings included. */
  private static int skipTo(String s, int i, char close) {
    char open = s.charAt(i);
    int depth = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        i = skipString(s, i);
        continue;
      }
      if (c == open) {
        depth++;
      } else if (c == close && --depth == 0) {
        return i + 1;
      }
      i++;
    }
    return i;
  }
}
