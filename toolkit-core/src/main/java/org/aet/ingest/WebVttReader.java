package org.aet.ingest;

import java.util.List;
import org.aet.diagnostics.InputException;

/**
 * Reads WebVTT captions as exported by Zoom ({@code Name: text} inside numbered cues) and Microsoft
 * Teams ({@code <v Name>text</v>}); see {@link Captions} for cues, speakers and merging. NOTE,
 * STYLE and REGION blocks are skipped. Header lines of the form {@code key: value} after {@code
 * WEBVTT} are read as metadata (see {@link TranscriptBuilder}).
 */
public final class WebVttReader implements TranscriptReader {
  @Override
  public String format() {
    return "vtt";
  }

  @Override
  public List<String> extensions() {
    return List.of("vtt");
  }

  @Override
  public ReadResult read(SourceText source) throws InputException {
    TranscriptBuilder builder = new TranscriptBuilder(source, format());
    List<String> lines = source.lines();
    String first = lines.get(0);
    if (!(first.equals("WEBVTT") || first.startsWith("WEBVTT ") || first.startsWith("WEBVTT\t"))) {
      builder.error(1, 1, "a WebVTT file must start with the line \"WEBVTT\"", first);
      return builder.build();
    }
    int i = 1;
    for (; i < lines.size() && !lines.get(i).isBlank(); i++) {
      String line = lines.get(i);
      int colon = line.indexOf(':');
      if (colon > 0 && !line.contains("-->")) {
        builder.metadata(line.substring(0, colon), line.substring(colon + 1), i + 1, line);
      }
    }
    List<Captions.Block> cues =
        Captions.blocks(lines, i).stream().filter(b -> !isSkipped(b)).toList();
    Captions.read(cues, "00:00:01.000 --> 00:00:04.000", builder);
    return builder.build();
  }

  private static boolean isSkipped(Captions.Block block) {
    String head = block.lines().get(0);
    return head.equals("NOTE")
        || head.startsWith("NOTE ")
        || head.startsWith("NOTE\t")
        || head.equals("STYLE")
        || head.equals("REGION");
  }
}
