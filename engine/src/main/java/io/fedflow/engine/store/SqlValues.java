package io.fedflow.engine.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** Binding and reading the nullable values of the schema: instants, integers, enum names. */
final class SqlValues {
  private SqlValues() {}

  static void setInstant(PreparedStatement statement, int index, Instant value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, value);
    }
  }

  static void setInteger(PreparedStatement statement, int index, Integer value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setInt(index, value);
    }
  }

  static Instant instant(ResultSet rows, String column) throws SQLException {
    return rows.getObject(column, Instant.class);
  }

  static Integer integer(ResultSet rows, String column) throws SQLException {
    int value = rows.getInt(column);
    return rows.wasNull() ? null : value;
  }

  static <E extends Enum<E>> E enumValue(ResultSet rows, String column, Class<E> type)
      throws SQLException {
    String name = rows.getString(column);
    return name == null ? null : Enum.valueOf(type, name);
  }
}
