package org.aet.pseudonym;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aet.diagnostics.AetException;
import org.aet.export.ExportSession;
import org.aet.export.ExportSessions;
import org.aet.model.CodedTranscript;
import org.aet.model.Coding;
import org.aet.model.Evidence;
import org.aet.model.Participant;
import org.aet.model.Review;
import org.aet.model.Segment;
import org.aet.model.SentenceWindow;
import org.aet.model.Span;
import org.aet.model.Token;
import org.aet.model.Transcript;
import org.aet.model.Turn;

/**
 * Applies a reviewed key: every accepted name replaced by its pseudonym in the words spoken, the
 * speaker labels, case names, attributes and memos, with every span (turns, segments, evidence,
 * tokens) moved so that a coding stays on the same words. Transcript and segment ids keep their
 * offsets (so the holder of the key can trace a quotation back) but lose any name a file name put
 * in them.
 */
public final class Pseudonymiser {
  private final NameMatcher matcher;
  private final java.util.Set<String> known;

  private Pseudonymiser(PseudonymKey key) {
    this.matcher = NameMatcher.withContacts(key.replacements());
    this.known = new java.util.HashSet<>();
    key.entries().forEach(e -> known.add(e.original()));
  }

  /**
   * Refuses transcripts whose speakers or cases the key has never seen (accepted or rejected): the
   * key was made for other transcripts, and their names would go out as they are.
   */
  public void checkCovers(List<Transcript> transcripts) throws AetException {
    java.util.Set<String> unknown = new java.util.LinkedHashSet<>();
    for (Transcript t : transcripts) {
      for (Participant p : t.participants()) {
        if (NameFinder.looksLikeName(p.name()) && !known.contains(p.name())) {
          unknown.add(p.name());
        }
      }
      if (NameFinder.looksLikeName(t.caseName()) && !known.contains(t.caseName())) {
        unknown.add(t.caseName());
      }
    }
    if (!unknown.isEmpty()) {
      throw new AetException(
          "the key does not know "
              + unknown.size()
              + " speaker or case name(s) of these transcripts ("
              + String.join(", ", unknown.stream().limit(10).toList())
              + (unknown.size() > 10 ? ", ..." : "")
              + "); run \"aet pseudonymise\" on them with the same key first, so that every name is"
              + " found and reviewed");
    }
  }

  /**
   * A pseudonymiser for {@code key}.
   *
   * @throws AetException when names in the key have not been reviewed: nothing is released with an
   *     unreviewed key
   */
  public static Pseudonymiser of(PseudonymKey key) throws AetException {
    if (key.unreviewed() > 0) {
      throw AetException.naming(
          "%s name(s) in the key have not been reviewed (decision \"proposed\"); review them"
              + " with \"aet pseudonymise ... {review} review.xlsx\", or accept them all with"
              + " {acceptAll}, before releasing anything",
          key.unreviewed());
    }
    return new Pseudonymiser(key);
  }

  /** A pseudonymiser that accepts every name of {@code key} as proposed, reviewed or not. */
  static Pseudonymiser unchecked(PseudonymKey key) {
    return new Pseudonymiser(key);
  }

  /** {@code text} with every accepted name replaced. */
  public String apply(String text) {
    return rewrite(text).text();
  }

  /** {@code text} with every accepted name replaced, with the names replaced and where. */
  NameMatcher.Rewrite rewrite(String text) {
    return matcher.rewrite(text);
  }

  /** The names of the key that {@code text} still contains, as matched. */
  List<NameMatcher.Match> remaining(String text) {
    return matcher.find(text);
  }

  /**
   * {@code transcript} pseudonymised, names in its id too; its source is only the file's name, as
   * the folders above it may name the researcher.
   */
  public Transcript apply(Transcript transcript) {
    return rewrite(transcript).transcript;
  }

  /** {@code coded} pseudonymised, with every segment, coding and piece of evidence on its words. */
  public CodedTranscript apply(CodedTranscript coded) {
    Rewritten rewritten = rewrite(coded.transcript());
    String oldText = coded.transcript().text();
    String text = rewritten.transcript.text();
    OffsetMap offsets = rewritten.offsets;
    List<Segment> segments = new ArrayList<>();
    for (Segment s : coded.segments()) {
      Span span = offsets.map(s.span());
      String shown = s.span().of(oldText).equals(s.text()) ? span.of(text) : apply(s.text());
      segments.add(
          new Segment(
              apply(s.id()),
              apply(s.transcriptId()),
              s.turnIndex(),
              apply(s.speaker()),
              s.role(),
              s.start(),
              span,
              shown,
              tokens(s.tokens(), offsets, oldText, text),
              s.indicators(),
              s.windows().stream()
                  .map(w -> new SentenceWindow(offsets.map(w.span()), w.vector()))
                  .toList()));
    }
    List<Coding> codings = new ArrayList<>();
    for (Coding c : coded.codings()) {
      List<Evidence> evidence =
          c.evidence().stream()
              .map(
                  e -> {
                    Span span = offsets.map(e.span());
                    String words = e.text().isEmpty() ? "" : span.of(text);
                    return new Evidence(words, span, e.rule());
                  })
              .toList();
      codings.add(
          new Coding(
              apply(c.segmentId()),
              c.codeId(),
              c.source(),
              c.confidence(),
              evidence,
              c.status(),
              c.codebookVersion(),
              apply(c.memo())));
    }
    List<Review> reviews =
        coded.reviews().stream()
            .map(r -> new Review(apply(r.segmentId()), r.reviewer(), r.decided(), apply(r.memo())))
            .toList();
    return new CodedTranscript(rewritten.transcript, segments, codings, reviews);
  }

  /** {@code session} writing everything pseudonymised. */
  public ExportSession wrap(ExportSession session) {
    return ExportSessions.mapped(session, this::apply);
  }

  private record Rewritten(Transcript transcript, OffsetMap offsets) {}

  /**
   * Rewrites each turn on its own, so that a name is never matched across two turns and the blank
   * lines between turns stay as they were.
   */
  private Rewritten rewrite(Transcript t) {
    String old = t.text();
    StringBuilder text = new StringBuilder(old.length());
    OffsetMap.Builder offsets = new OffsetMap.Builder();
    List<Turn> turns = new ArrayList<>();
    int from = 0;
    for (Turn turn : t.turns()) {
      text.append(old, from, turn.span().begin());
      int newBegin = text.length();
      int turnFrom = 0;
      for (NameMatcher.Match m : matcher.find(turn.text())) {
        text.append(turn.text(), turnFrom, m.begin());
        int replacedAt = text.length();
        text.append(m.replacement());
        offsets.add(
            turn.span().begin() + m.begin(),
            turn.span().begin() + m.end(),
            replacedAt,
            text.length());
        turnFrom = m.end();
      }
      text.append(turn.text(), turnFrom, turn.text().length());
      Span span = new Span(newBegin, text.length());
      turns.add(
          new Turn(
              turn.index(),
              apply(turn.speaker()),
              turn.start(),
              turn.end(),
              span.of(text),
              span,
              turn.line()));
      from = turn.span().end();
    }
    text.append(old, from, old.length());
    Map<String, Participant> participants = new LinkedHashMap<>();
    for (Participant p : t.participants()) {
      String name = apply(p.name());
      List<String> variants =
          p.variants().stream().map(this::apply).filter(v -> !v.equals(name)).distinct().toList();
      participants.putIfAbsent(name, new Participant(name, p.role(), variants));
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    t.attributes().forEach((k, v) -> attributes.put(k, apply(v)));
    Transcript transcript =
        new Transcript(
            apply(t.id()),
            java.nio.file.Path.of(apply(String.valueOf(t.source().getFileName()))),
            t.format(),
            apply(t.caseName()),
            attributes,
            List.copyOf(participants.values()),
            text.toString(),
            turns);
    return new Rewritten(transcript, offsets.build());
  }

  /**
   * Tokens moved to the new text; the tokens of one replaced name become one token, the pseudonym,
   * so that no part of the name survives in a token's word.
   */
  private static List<Token> tokens(
      List<Token> tokens, OffsetMap offsets, String oldText, String text) {
    List<Token> out = new ArrayList<>(tokens.size());
    Span last = null;
    for (Token token : tokens) {
      Span span = offsets.map(token.span());
      if (span.equals(last)) {
        continue;
      }
      String word = span.of(text);
      boolean replaced = !word.equals(token.span().of(oldText));
      out.add(
          new Token(
              replaced ? word : token.word(),
              replaced ? word.toLowerCase(java.util.Locale.ROOT) : token.lemma(),
              token.pos(),
              span,
              token.entity(),
              token.sentiment()));
      last = span;
    }
    return out;
  }
}
