package org.aet.ingest;

import java.util.List;
import org.aet.diagnostics.InputException;

/**
 * Reads SubRip (.srt) subtitles: numbered cues with {@code 00:00:01,000 --> 00:00:04,000} times,
 * the speaker given as {@code Name: text} or {@code [Name] text} when present. See {@link Captions}
 * for speakers and merging.
 */
public final class SrtReader implements TranscriptReader {
  @Override
  public String format() {
    return "srt";
  }

  @Override
  public List<String> extensions() {
    return List.of("srt");
  }

  @Override
  public ReadResult read(SourceText source) throws InputException {
    TranscriptBuilder builder = new TranscriptBuilder(source, format());
    List<Captions.Block> blocks = Captions.blocks(source.lines(), 0);
    if (!blocks.isEmpty()
        && blocks.stream().noneMatch(b -> b.lines().stream().anyMatch(l -> l.contains("-->")))) {
      Captions.Block first = blocks.get(0);
      builder.error(
          first.firstLine(),
          1,
          "no subtitle timing line such as \"00:00:01,000 --> 00:00:04,000\" in"
              + " the whole file: is it really a .srt file?",
          first.lines().get(0));
      return builder.build();
    }
    Captions.read(blocks, "00:00:01,000 --> 00:00:04,000", builder);
    return builder.build();
  }
}
