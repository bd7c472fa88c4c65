package org.aet.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import org.aet.ingest.Timestamps;
import org.aet.model.Transcript;
import org.aet.model.Turn;

/**
 * Writes a normalised corpus as JSON Lines, one object per turn: {@code transcript}, {@code case},
 * {@code turn}, {@code speaker}, {@code role}, {@code start}, {@code end}, {@code text}, plus the
 * source file, the turn's character span and the transcript's attributes. Like every export,
 * nothing appears at the target until {@link #finish()}.
 */
public final class TurnWriter implements AutoCloseable {
  private final JsonLinesOutput output;

  public TurnWriter(Path target) throws IOException {
    this.output = new JsonLinesOutput(target);
  }

  public void write(Transcript transcript) throws IOException {
    JsonGenerator json = output.json();
    for (Turn turn : transcript.turns()) {
      json.writeStartObject();
      json.writeStringField("transcript", transcript.id());
      json.writeStringField("case", transcript.caseName());
      json.writeNumberField("turn", turn.index());
      json.writeStringField("speaker", turn.speaker());
      json.writeStringField("role", transcript.roleOf(turn.speaker()));
      json.writeStringField("start", turn.start() == null ? null : Timestamps.format(turn.start()));
      json.writeStringField("end", turn.end() == null ? null : Timestamps.format(turn.end()));
      json.writeStringField("text", turn.text());
      json.writeStringField("source", transcript.source().toString());
      json.writeNumberField("line", turn.line());
      json.writeNumberField("char_begin", turn.span().begin());
      json.writeNumberField("char_end", turn.span().end());
      json.writeObjectField("attributes", transcript.attributes());
      json.writeEndObject();
      output.endLine();
    }
  }

  public void finish() throws IOException {
    output.commit();
  }

  @Override
  public void close() throws IOException {
    output.close();
  }
}
