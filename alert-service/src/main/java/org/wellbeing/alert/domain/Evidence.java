package org.wellbeing.alert.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the per-day evidence rows of findings. */
final class Evidence {

  private Evidence() {}

  static Map<String, Object> day(Figure f, String name, Object value) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("date", f.date().toString());
    row.put(name, value);
    return row;
  }

  static List<Map<String, Object>> days(
      List<Figure> figures, String name, java.util.function.Function<Figure, Object> value) {
    List<Map<String, Object>> rows = new ArrayList<>(figures.size());
    for (Figure f : figures) {
      rows.add(day(f, name, value.apply(f)));
    }
    return rows;
  }
}
