package org.aet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.aet.codebook.Code;
import org.aet.codebook.Codebook;
import org.aet.codebook.Codebooks;
import org.aet.diagnostics.AetException;
import org.aet.ingest.Corpus;
import org.aet.ingest.TranscriptReader;
import org.aet.model.Transcript;
import org.aet.model.Turn;
import org.aet.model.Words;

/**
 * Writes a realistic conversation corpus of a given size for benchmarks: transcripts of about
 * 10,000 words (an hour's conversation), in case folders, with a research team and partnership
 * leaders taking turns of 20 to 200 words. Sentences come from the shipped sample corpus and from
 * the codebook's examples, recombined by a seeded random generator, so the vocabulary and the
 * density of codes are those of the real material and the same size always gives the same corpus.
 */
public final class CorpusGenerator {
  private static final String[] CASES = {
    "Northbrook", "Riverside", "Eastmoor", "Southvale", "Westfield"
  };
  private static final String[][] PEOPLE = {
    {"Helen Ward", "researcher"},
    {"Tom Price", "researcher"},
    {"Margaret Osei", "senior leader"},
    {"Anil Mehta", "senior leader"},
    {"David Lyle", "public contributor"},
    {"Ruth Campbell", "practitioner"}
  };
  private static final int WORDS_PER_TRANSCRIPT = 10_000;
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.?!])\\s+");

  private final List<String> sentences;
  private final Random random;

  CorpusGenerator(List<String> sentences, long seed) {
    this.sentences = List.copyOf(sentences);
    this.random = new Random(seed);
  }

  /** Usage: {@code CorpusGenerator <sample-corpus-folder> <output-folder> <words>}. */
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: CorpusGenerator SAMPLE_FOLDER OUTPUT_FOLDER WORDS");
      System.exit(2);
    }
    CorpusGenerator generator = fromSample(Path.of(args[0]), 42);
    long words = generator.write(Path.of(args[1]), Long.parseLong(args[2]));
    System.out.println(words);
  }

  /**
   * A generator drawing on the sentences of the sample corpus and of the four-tensions examples.
   */
  static CorpusGenerator fromSample(Path sampleFolder, long seed) throws AetException {
    List<String> sentences = new ArrayList<>();
    Corpus corpus = Corpus.discover(List.of(sampleFolder), TranscriptReader.registry());
    for (Corpus.Entry entry : corpus.entries()) {
      Transcript transcript = corpus.read(entry).transcript();
      for (Turn turn : transcript.turns()) {
        for (String sentence : SENTENCE_END.split(turn.text().replace('\n', ' '))) {
          if (Words.count(sentence) >= 3) {
            sentences.add(sentence.strip());
          }
        }
      }
    }
    Codebook book = Codebooks.load("four-tensions");
    for (Code code : book.codes()) {
      sentences.addAll(code.examples());
      sentences.addAll(code.counterExamples());
    }
    return new CorpusGenerator(sentences, seed);
  }

  /**
   * Writes about {@code words} words (never fewer) under {@code folder}; returns the number
   * written.
   */
  long write(Path folder, long words) throws IOException {
    Files.createDirectories(folder);
    try (Stream<Path> existing = Files.list(folder)) {
      if (existing.findAny().isPresent()) {
        throw new IOException(folder + " is not empty");
      }
    }
    long written = 0;
    for (int n = 0; written < words; n++) {
      long target = Math.min(WORDS_PER_TRANSCRIPT, words - written);
      String caseName = CASES[n % CASES.length];
      Path file = folder.resolve(caseName).resolve(String.format("conversation-%04d.txt", n));
      Files.createDirectories(file.getParent());
      StringBuilder text = new StringBuilder();
      written += transcript(text, Math.max(target, 1), n);
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
    return written;
  }

  private long transcript(StringBuilder out, long target, int number) {
    out.append("---\n");
    out.append("title: Generated benchmark conversation ").append(number).append('\n');
    out.append(
        "note: GENERATED for benchmarks from the illustrative sample corpus; not a real conversation.\n");
    for (String[] person : PEOPLE) {
      out.append("role: ").append(person[0]).append(" = ").append(person[1]).append('\n');
    }
    out.append("---\n");
    long words = 0;
    int seconds = 0;
    int speaker = 0;
    while (words < target) {
      speaker =
          speaker == 0 ? 2 + random.nextInt(PEOPLE.length - 2) : (random.nextInt(3) == 0 ? 1 : 0);
      StringBuilder turn = new StringBuilder();
      int turnWords = 20 + random.nextInt(181);
      int inTurn = 0;
      while (inTurn < turnWords && words + inTurn < target) {
        String sentence = sentences.get(random.nextInt(sentences.size()));
        turn.append(turn.length() == 0 ? "" : " ").append(sentence);
        inTurn += Words.count(sentence);
      }
      out.append(
              String.format("[%02d:%02d:%02d] ", seconds / 3600, seconds / 60 % 60, seconds % 60))
          .append(PEOPLE[speaker][0])
          .append(": ")
          .append(turn)
          .append("\n\n");
      words += inTurn;
      seconds += inTurn * 60 / 150;
    }
    return words;
  }
}
