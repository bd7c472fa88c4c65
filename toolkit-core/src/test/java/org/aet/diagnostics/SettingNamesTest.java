package org.aet.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages name settings by the library's names; a front end shows its own. */
class SettingNamesTest {
  @Test
  void aProblemNamesItsSettingAndEachFrontEndItsControl() {
    AetException e =
        AetException.naming("%s already exists; add {overwrite} to replace it", "out/{x}.xlsx");
    assertEquals("out/{x}.xlsx already exists; add overwrite to replace it", e.getMessage());
    assertEquals(
        "out/{x}.xlsx already exists; add --overwrite to replace it",
        e.message(s -> s.equals("overwrite") ? "--overwrite" : null),
        "a brace in a file name is a file name, not a setting");
    assertEquals("plain", new AetException("plain").message(s -> "--" + s));
  }

  @Test
  void aSettingProblemMustNameItsSetting() {
    SettingException e = new SettingException("{reviewQueue} needs {model}");
    assertEquals(List.of("reviewQueue", "model"), e.settings());
    assertEquals(
        "--queue needs --model", e.message(s -> s.equals("model") ? "--model" : "--queue"));
    assertThrows(IllegalArgumentException.class, () -> new SettingException("no setting named"));
  }
}
