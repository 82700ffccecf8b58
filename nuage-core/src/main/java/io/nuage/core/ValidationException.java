package io.nuage.core;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input with every problem found, not just the first; exit code 2. */
public final class ValidationException extends NuageException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public ValidationException(List<Problem> problems) {
    super(render(problems));
    if (problems.isEmpty())
      throw new IllegalArgumentException("a ValidationException needs a problem");
    this.problems = List.copyOf(problems);
  }

  public ValidationException(Problem problem) {
    this(List.of(problem));
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String render(List<Problem> problems) {
    return problems.stream()
        .map(Problem::render)
        .collect(Collectors.joining(System.lineSeparator()));
  }
}
