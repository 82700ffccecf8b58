package io.nuage.store.server;

import io.nuage.core.NuageException;
import java.util.Locale;
import java.util.Set;

/**
 * What a token name may hold: it is listed by {@code nuage token list} and the API and typed to
 * revoke, so it must read as it is. Letters, marks, digits, punctuation, symbols and the plain
 * space are allowed; control, format (zero-width, direction marks, overrides and isolates),
 * private-use and unassigned characters, separators other than the space, and the letters that
 * render blank are not: two names that look alike, or one that reorders the text around it, could
 * make an admin revoke the wrong token.
 */
public final class TokenNames {
  public static final int MAX_LENGTH = 64;

  /** Letters and symbols that render as blank space. */
  private static final Set<Integer> BLANK = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800);

  private TokenNames() {}

  /** The name as given, or a {@link NuageException} saying what is wrong and where. */
  public static String check(String name) {
    String expected =
        ", expected 1 to "
            + MAX_LENGTH
            + " printable characters without invisible or direction-changing ones)";
    int length = name.codePointCount(0, name.length());
    if (length < 1 || length > MAX_LENGTH) {
      throw new NuageException("token name (got " + length + " characters" + expected);
    }
    int position = 0;
    for (int cp : name.codePoints().toArray()) {
      position++;
      if (!printable(cp)) {
        throw new NuageException(
            "token name (got "
                + String.format(Locale.ROOT, "U+%04X", cp)
                + " at character "
                + position
                + expected);
      }
    }
    return name;
  }

  /**
   * Marks that Unicode lists as default-ignorable (rendered as nothing): variation selectors, the
   * combining grapheme joiner, Khmer inherent vowels, Mongolian variation selectors. Their category
   * is NON_SPACING_MARK, so the switch below would let them through: "admin\uFE0F" reads "admin".
   */
  private static boolean invisibleMark(int cp) {
    return cp == 0x034F
        || (cp >= 0x17B4 && cp <= 0x17B5)
        || (cp >= 0x180B && cp <= 0x180F)
        || (cp >= 0xFE00 && cp <= 0xFE0F)
        || (cp >= 0xE0100 && cp <= 0xE01EF);
  }

  private static boolean printable(int cp) {
    if (cp == ' ') return true;
    if (BLANK.contains(cp) || invisibleMark(cp)) return false;
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.PRIVATE_USE,
          Character.SURROGATE,
          Character.UNASSIGNED,
          Character.SPACE_SEPARATOR,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR ->
          false;
      default -> true;
    };
  }
}
