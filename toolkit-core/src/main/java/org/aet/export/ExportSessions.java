package org.aet.export;

import java.io.IOException;
import java.util.List;
import org.aet.model.CodedTranscript;
import org.aet.model.Markup;

/** Ways of combining export sessions. */
public final class ExportSessions {
  private ExportSessions() {}

  /**
   * One session that writes to all of {@code sessions}; finishing finishes each, closing closes
   * each.
   */
  public static ExportSession tee(List<ExportSession> sessions) {
    List<ExportSession> all = List.copyOf(sessions);
    return new ExportSession() {
      @Override
      public void write(CodedTranscript coded) throws IOException {
        for (ExportSession session : all) {
          session.write(coded);
        }
      }

      @Override
      public void finish() throws IOException {
        for (ExportSession session : all) {
          session.finish();
        }
      }

      @Override
      public void close() throws IOException {
        IOException first = null;
        for (ExportSession session : all) {
          try {
            session.close();
          } catch (IOException e) {
            first = first == null ? e : first;
          }
        }
        if (first != null) {
          throw first;
        }
      }
    };
  }

  /**
   * A session that hands {@code session} each transcript with its segments' text shown without
   * transcription markup ({@link Markup#drop}); offsets still count in the stored text.
   */
  public static ExportSession withoutMarkup(ExportSession session) {
    return mapped(
        session,
        coded ->
            new CodedTranscript(
                coded.transcript(),
                coded.segments().stream().map(s -> s.withText(Markup.drop(s.text()))).toList(),
                coded.codings(),
                coded.reviews()));
  }

  /** A session that hands {@code session} each transcript as {@code change} makes it. */
  public static ExportSession mapped(
      ExportSession session, java.util.function.UnaryOperator<CodedTranscript> change) {
    return new ExportSession() {
      @Override
      public void write(CodedTranscript coded) throws IOException {
        session.write(change.apply(coded));
      }

      @Override
      public void finish() throws IOException {
        session.finish();
      }

      @Override
      public void close() throws IOException {
        session.close();
      }
    };
  }
}
