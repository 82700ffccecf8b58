package io.nuage.cli;

/**
 * Terminal text within {@link #WIDTH} columns: prose lines longer than that are broken at spaces,
 * their continuation indented as the line was; table rows (two or more runs of two spaces between
 * fields) are left alone, since breaking one would misalign its columns: tables are sized to fit.
 */
final class Lines {
  static final int WIDTH = 100;

  private Lines() {}

  /** {@code text} with every long prose line broken at spaces. */
  static String fit(String text) {
    StringBuilder out = new StringBuilder(text.length() + 64);
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) out.append('\n');
      String line = lines[i];
      if (line.length() <= WIDTH || isTableRow(line)) out.append(line);
      else out.append(wrap(line));
    }
    return out.toString();
  }

  /**
   * A writer that passes {@code target} each line as {@link #fit} lays it out: for a command that
   * prints as it goes (the demo), line by line, not at the end.
   */
  static java.io.PrintWriter fitting(java.io.PrintWriter target) {
    return new java.io.PrintWriter(
        new java.io.Writer() {
          private final StringBuilder line = new StringBuilder();

          @Override
          public void write(char[] chars, int off, int len) {
            for (int i = off; i < off + len; i++) {
              if (chars[i] == '\n') {
                target.print(fit(line.toString()));
                target.print('\n');
                line.setLength(0);
              } else line.append(chars[i]);
            }
          }

          @Override
          public void flush() {
            target.flush();
          }

          @Override
          public void close() {
            if (!line.isEmpty()) target.print(fit(line.toString()));
            line.setLength(0);
            target.flush();
          }
        },
        true);
  }

  private static boolean isTableRow(String line) {
    return line.strip().split(" {2,}").length > 2;
  }

  private static String wrap(String line) {
    int indent = 0;
    while (indent < line.length() && line.charAt(indent) == ' ') indent++;
    String pad = " ".repeat(indent + 2);
    StringBuilder out = new StringBuilder(line.substring(0, indent));
    int column = indent;
    boolean start = true;
    for (String word : line.substring(indent).split(" ")) {
      if (!start && column + 1 + word.length() > WIDTH) {
        out.append('\n').append(pad);
        column = pad.length();
      } else if (!start) {
        out.append(' ');
        column++;
      }
      out.append(word);
      column += word.length();
      start = false;
    }
    return out.toString();
  }
}
