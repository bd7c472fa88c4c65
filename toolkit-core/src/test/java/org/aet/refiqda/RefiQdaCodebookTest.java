package org.aet.refiqda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.aet.codebook.Code;
import org.aet.codebook.CodeSet;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.diagnostics.InputException;
import org.aet.testing.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefiQdaCodebookTest {
  private static void validate(Path qdc) throws Exception {
    Optional<Path> schema = Shared.optional("refi-qda/Codebook.xsd");
    if (schema.isEmpty()) {
      return; // without ../shared the round trip still runs; only the schema check needs it
    }
    Path xsd = schema.get();
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.newSchema(xsd.toFile()).newValidator().validate(new StreamSource(qdc.toFile()));
  }

  @Test
  void everyShippedCodebookExportsValidAgainstTheOfficialSchemaAndRoundTrips(@TempDir Path dir)
      throws Exception {
    for (String name : Codebooks.shipped()) {
      Codebook original = Codebooks.load(name);
      Path qdc = dir.resolve(name + ".qdc");
      RefiQdaCodebook.write(original, qdc);
      validate(qdc);
      RefiQdaCodebook.Imported back = RefiQdaCodebook.read(qdc, name);
      assertEquals(List.of(), back.warnings(), name);
      assertEquals(original, back.codebook(), name + ": ours -> qdc -> ours keeps everything");
    }
  }

  /** A codebook as NVivo writes it: braced GUIDs, a grouping code, sets, names in three scripts. */
  private static final String NVIVO =
      """
      <?xml version="1.0" encoding="utf-8"?>
      <CodeBook xmlns="urn:QDA-XML:codebook:1:0" origin="NVivo 14">
        <Codes>
          <Code guid="{a182cd3a-d83c-4d8c-bc80-26d9103ec6d6}" name="Szöveg típusa" isCodable="false" color="#F00">
            <Code guid="2D2466F0-D77F-4F8C-BDF9-628966B6B74D" name="Κοινωνική δομή" isCodable="true">
              <Description>Example: not an aet field, only words.
      Second line.</Description>
            </Code>
            <Code guid="086AC733-7B1C-4749-A138-D7182F63A5C9" name="社会结构" isCodable="true"/>
          </Code>
        </Codes>
        <Sets>
          <Set guid="C32A2BD5-537F-4838-8B17-DF9EFBAFDF4B" name="Structure">
            <Description>Codes about structure</Description>
            <MemberCode guid="2D2466F0-D77F-4F8C-BDF9-628966B6B74D"/>
            <MemberCode guid="{086ac733-7b1c-4749-a138-d7182f63a5c9}"/>
          </Set>
        </Sets>
      </CodeBook>
      """;

  @Test
  void aForeignCodebookKeepsGuidsCodabilitySetsAndDescriptionsWordForWord(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("nvivo.qdc");
    Files.writeString(file, NVIVO.strip());
    RefiQdaCodebook.Imported imported = RefiQdaCodebook.read(file, "nvivo");
    Codebook book = imported.codebook();
    assertEquals(
        List.of("szoveg-tipusa", "κοινωνικη-δομη", "社会结构"),
        book.codes().stream().map(Code::id).toList(),
        "readable ids in any script");
    Code group = book.code("szoveg-tipusa");
    assertEquals("{a182cd3a-d83c-4d8c-bc80-26d9103ec6d6}", group.guid());
    assertFalse(group.codable());
    assertEquals("", group.definition(), "no placeholder text where the source said nothing");
    assertEquals(
        "Example: not an aet field, only words.\nSecond line.",
        book.code("κοινωνικη-δομη").definition(),
        "a foreign description is kept word for word, labels and all");
    assertEquals(
        List.of(
            new CodeSet(
                "Structure",
                "C32A2BD5-537F-4838-8B17-DF9EFBAFDF4B",
                "Codes about structure",
                List.of("κοινωνικη-δομη", "社会结构"))),
        book.sets());
    assertTrue(
        imported.warnings().stream()
            .anyMatch(w -> w.contains("2 code(s) came without a description")),
        imported.warnings().toString());

    Path out = dir.resolve("back.qdc");
    RefiQdaCodebook.write(book, out);
    validate(out);
    String xml = Files.readString(out);
    for (String guid :
        List.of(
            "{a182cd3a-d83c-4d8c-bc80-26d9103ec6d6}",
            "2D2466F0-D77F-4F8C-BDF9-628966B6B74D",
            "086AC733-7B1C-4749-A138-D7182F63A5C9",
            "C32A2BD5-537F-4838-8B17-DF9EFBAFDF4B")) {
      assertTrue(xml.contains("\"" + guid + "\""), guid + " kept:\n" + xml);
    }
    assertTrue(xml.contains("isCodable=\"false\""), xml);
    assertFalse(xml.contains("aet id"), "no aet lines on codes aet did not make:\n" + xml);
    assertFalse(xml.contains("No description"), xml);
    assertTrue(xml.contains("<Description>Codes about structure</Description>"), xml);
    Codebook again = RefiQdaCodebook.read(out, "ignored").codebook();
    assertEquals(book.codes(), again.codes(), "NVivo -> aet -> qdc -> aet keeps every code");
    assertEquals(book.sets(), again.sets());
    assertEquals(book.version(), again.version(), "and so the version");
  }

  @Test
  void aCodebookAetWroteComesBackUnderItsVersionUnlessItWasChanged(@TempDir Path dir)
      throws Exception {
    Codebook book = Codebooks.load("four-tensions");
    Path qdc = dir.resolve("ft.qdc");
    RefiQdaCodebook.write(book, qdc);
    Codebook back = RefiQdaCodebook.read(qdc, "whatever").codebook();
    assertEquals(book.name(), back.name(), "the name travels in the origin");
    assertEquals(book.title(), back.title());
    assertEquals(book.description(), back.description());
    assertEquals(book.version(), back.version());
    Files.writeString(
        qdc, Files.readString(qdc).replace("name=\"Power differences", "name=\"Power gaps"));
    Codebook edited = RefiQdaCodebook.read(qdc, "whatever").codebook();
    assertNotEquals(book.version(), edited.version(), "an edited codebook is another version");
  }

  @Test
  void theExportIsStableAndReadable(@TempDir Path dir) throws Exception {
    Codebook book = Codebooks.load("four-tensions");
    RefiQdaCodebook.write(book, dir.resolve("a.qdc"));
    RefiQdaCodebook.write(book, dir.resolve("b.qdc"));
    assertEquals(
        Files.readString(dir.resolve("a.qdc")),
        Files.readString(dir.resolve("b.qdc")),
        "same GUIDs");
    String text = Files.readString(dir.resolve("a.qdc"));
    assertTrue(
        text.contains("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\""), text.substring(0, 200));
    assertTrue(
        text.contains(
            "Use when: The speaker describes co-production as it should or ideally would be"));
    assertTrue(text.contains("aet id: lack-of-reciprocity"));
  }

  @Test
  void theAtlasTiSampleImports() throws Exception {
    Path sample = Shared.require("refi-qda/samples/atlas-ti-23.2-codes-project.qdpx");
    RefiQdaCodebook.Imported imported = RefiQdaCodebook.read(sample, "atlas");
    Codebook book = imported.codebook();
    assertEquals(
        List.of("commits", "2022-05-10t02-05-59z-19e4dce", "2022-02-11t10-39-25z-cdbfd92"),
        book.codes().stream().map(Code::id).toList());
    assertEquals("Commits", book.code("commits").name());
    assertEquals("commits/2022-05-10t02-05-59z-19e4dce", book.path("2022-05-10t02-05-59z-19e4dce"));
    assertTrue(
        imported.warnings().get(0).contains("no detection rules"), imported.warnings().toString());
    Path blank = Shared.require("refi-qda/samples/atlas-ti-23.2-blank-project.qdpx");
    InputException e =
        assertThrows(InputException.class, () -> RefiQdaCodebook.read(blank, "blank"));
    assertTrue(e.getMessage().contains("no <CodeBook><Codes>"), e.getMessage());
  }

  @Test
  void namespaceVariantsBracedGuidsAndShortColoursAreAccepted(@TempDir Path dir) throws Exception {
    for (String namespace :
        List.of(
            "urn:QDA-XML:codebook:1.0",
            "urn:QDA-XML:codebook:1:0",
            "urn:QDA-XML:codebook:0:4",
            "")) {
      String xml =
          "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<CodeBook"
              + (namespace.isEmpty() ? "" : " xmlns=\"" + namespace + "\"")
              + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\""
              + namespace
              + " Codebook.xsd\" origin=\"NVivo\"><Codes>"
              + "<Code guid=\"{a182cd3a-d83c-4d8c-bc80-26d9103ec6d6}\" name=\"Power\" isCodable=\"true\" color=\"#F00\">"
              + "<Description>Who decides.</Description>"
              + "<Code guid=\"2D2466F0-D77F-4F8C-BDF9-628966B6B74D\" name=\"Power\" isCodable=\"true\"/>"
              + "</Code></Codes></CodeBook>";
      Path file = dir.resolve("nvivo.qdc");
      Files.writeString(file, xml);
      Codebook book = RefiQdaCodebook.read(file, "nvivo").codebook();
      assertEquals(
          List.of("power", "power-2"), book.codes().stream().map(Code::id).toList(), namespace);
      assertEquals("#FF0000", book.code("power").colour());
      assertEquals("Who decides.", book.code("power").definition());
      assertEquals("power", book.code("power-2").parent());
    }
  }

  @Test
  void hostileFilesAreRefused(@TempDir Path dir) throws Exception {
    Path xxe = dir.resolve("evil.qdc");
    Files.writeString(
        xxe,
        "<?xml version=\"1.0\"?><!DOCTYPE CodeBook [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code guid=\"A182CD3A-D83C-4D8C-BC80-26D9103EC6D6\""
            + " name=\"&x;\" isCodable=\"true\"/></Codes></CodeBook>");
    InputException e = assertThrows(InputException.class, () -> RefiQdaCodebook.read(xxe, "evil"));
    assertTrue(e.getMessage().contains("refused"), e.getMessage());
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("../project.qde"));
      out.write("<Project/>".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    Path slip = dir.resolve("slip.qdpx");
    Files.write(slip, zip.toByteArray());
    InputException s = assertThrows(InputException.class, () -> RefiQdaCodebook.read(slip, "slip"));
    assertTrue(s.getMessage().contains("leads outside its folder"), s.getMessage());
  }
}
