package org.aet.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.aet.evaluation.AgreementFiles;
import org.aet.evaluation.AgreementReport;
import org.aet.evaluation.Evaluation;
import org.aet.project.Verdict;
import org.aet.pseudonym.ReviewChoice;
import org.aet.segment.SegmentUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vocabularies of files and options are enums whose {@code label()} is read back by {@code
 * of(String)}, in any case and with spaces around, and whose {@code of} refuses a word it does not
 * know. (CodingSource, NameKind and DecisionKind read words their own way: an empty Optional, null,
 * or the default kind.)
 */
class VocabularyContractTest {
  static List<Class<? extends Enum<?>>> vocabularies() {
    return List.of(
        SegmentUnit.class,
        Verdict.class,
        ReviewChoice.class,
        AgreementFiles.Missing.class,
        Evaluation.Level.class,
        AgreementReport.Scope.class);
  }

  @ParameterizedTest
  @MethodSource("vocabularies")
  void everyLabelIsReadBack(Class<? extends Enum<?>> vocabulary) throws Exception {
    Method label = vocabulary.getMethod("label");
    Method of = vocabulary.getMethod("of", String.class);
    for (Enum<?> value : vocabulary.getEnumConstants()) {
      String word = (String) label.invoke(value);
      assertEquals(value, of.invoke(null, word), vocabulary.getSimpleName() + " " + word);
      assertEquals(value, of.invoke(null, " " + word.toUpperCase(java.util.Locale.ROOT) + " "));
    }
  }

  @ParameterizedTest
  @MethodSource("vocabularies")
  void anUnknownWordIsRefused(Class<? extends Enum<?>> vocabulary) throws Exception {
    Method of = vocabulary.getMethod("of", String.class);
    InvocationTargetException e =
        assertThrows(InvocationTargetException.class, () -> of.invoke(null, "nonsense-word"));
    assertEquals(IllegalArgumentException.class, e.getCause().getClass());
  }

  @ParameterizedTest
  @MethodSource("vocabularies")
  void labelsAreLowerCase(Class<? extends Enum<?>> vocabulary) throws Exception {
    Method label = vocabulary.getMethod("label");
    for (Enum<?> value : vocabulary.getEnumConstants()) {
      String word = (String) label.invoke(value);
      assertEquals(word.toLowerCase(java.util.Locale.ROOT), word);
    }
  }
}
