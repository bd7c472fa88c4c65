package org.aet.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.aet.ingest.Timestamps;
import org.aet.model.Transcript;
import org.aet.model.Turn;

/**
 * Writes a normalised corpus as JSON Lines, one object per turn: {@code transcript}, {@code case}, {@code turn},
 * {@code speaker}, {@code role}, {@code start}, {@code end}, {@code text}, plus the source file, the turn's
 * character span and the transcript's attributes. Like every export, nothing appears at the target until
 * {@link #finish()}.
 */
public final class TurnWriter implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final AtomicOutput output;
  private final JsonGenerator json;

  public TurnWriter(Path target) throws IOException {
    this.output = new AtomicOutput(target);
    this.json = MAPPER.getFactory().createGenerator(output.temporary().toFile(), JsonEncoding.UTF8);
    json.setRootValueSeparator(null);
  }

  public void write(Transcript transcript) throws IOException {
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
      json.writeRaw('\n');
    }
  }

  public void finish() throws IOException {
    json.close();
    output.commit();
  }

  @Override
  public void close() throws IOException {
    try {
      json.close();
    } finally {
      output.close();
    }
  }
}
