package org.aet.export;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.aet.codebook.Codebook;
import org.aet.segment.SegmentUnit;

/**
 * What an export needs to know beyond the coded transcripts, and what it records about how they
 * were made.
 *
 * @param codebook the codebook the codings refer to
 * @param unit what a segment is
 * @param inputs the files and folders named as input, for the record
 * @param createdAt when the run started
 * @param attributes the transcript attributes (date, region, ...) to give a column each
 * @param indicators the linguistic indicators to give a column each (the optional ones only when
 *     computed)
 * @param decided whether the codings are people's decisions (a project's final coding, with memos)
 *     rather than the machine's suggestions
 * @param method how the suggestions were made, item by item (empty when not known), for the record
 * @param extras what a caller knows beyond the codings, by type, for the exporters that {@link
 *     CodingExporter#uses() use} it (a project's review state for the report); as Tika's {@code
 *     ParseContext}, so that no caller has to know which exporter it is writing with
 */
public record ExportContext(
    Codebook codebook,
    SegmentUnit unit,
    List<String> inputs,
    Instant createdAt,
    List<String> attributes,
    List<String> indicators,
    boolean decided,
    Map<String, String> method,
    Map<Class<?>, Object> extras) {
  public ExportContext {
    method = Collections.unmodifiableMap(new LinkedHashMap<>(method));
    extras = Map.copyOf(extras);
    extras.forEach((kind, value) -> kind.cast(value));
    attributes = List.copyOf(attributes);
    indicators = List.copyOf(indicators);
    Objects.requireNonNull(codebook, "codebook");
    Objects.requireNonNull(unit, "unit");
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** A context that does not say how the suggestions were made. */
  public ExportContext(
      Codebook codebook,
      SegmentUnit unit,
      List<String> inputs,
      Instant createdAt,
      List<String> attributes,
      List<String> indicators,
      boolean decided) {
    this(codebook, unit, inputs, createdAt, attributes, indicators, decided, Map.of(), Map.of());
  }

  /** This context, saying how the suggestions were made. */
  public ExportContext withMethod(Map<String, String> how) {
    return new ExportContext(
        codebook, unit, inputs, createdAt, attributes, indicators, decided, how, extras);
  }

  /** This context, also carrying {@code value} as what is known of {@code kind}. */
  public <T> ExportContext with(Class<T> kind, T value) {
    Map<Class<?>, Object> more = new HashMap<>(extras);
    more.put(kind, Objects.requireNonNull(value, "value"));
    return new ExportContext(
        codebook, unit, inputs, createdAt, attributes, indicators, decided, method, more);
  }

  /** What the caller put in this context as {@code kind}, if anything. */
  public <T> Optional<T> extra(Class<T> kind) {
    return Optional.ofNullable(kind.cast(extras.get(kind)));
  }

  /** A context for the machine's suggestions. */
  public ExportContext(
      Codebook codebook,
      SegmentUnit unit,
      List<String> inputs,
      Instant createdAt,
      List<String> attributes,
      List<String> indicators) {
    this(codebook, unit, inputs, createdAt, attributes, indicators, false);
  }

  /** A context for the machine's suggestions, with the standard indicators. */
  public ExportContext(
      Codebook codebook,
      SegmentUnit unit,
      List<String> inputs,
      Instant createdAt,
      List<String> attributes) {
    this(codebook, unit, inputs, createdAt, attributes, org.aet.model.Indicators.standard());
  }
}
