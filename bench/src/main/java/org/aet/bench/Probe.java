package org.aet.bench;

import java.nio.file.Path;
import java.util.*;
import org.aet.codebook.*;
import org.aet.coding.RuleCoder;
import org.aet.evaluation.*;
import org.aet.ingest.*;
import org.aet.model.*;
import org.aet.nlp.*;
import org.aet.pipeline.*;
import org.aet.segment.*;
import org.aet.semantic.*;

/** Development probe: semantic scores against the gold set. */
public final class Probe {
  public static void main(String[] args) throws Exception {
    Codebook book = Codebooks.load(args.length > 2 ? args[2] : "four-tensions");
    ReadCorpus read =
        ReadCorpus.read(
            Corpus.discover(List.of(Path.of(args[0])), TranscriptReaders.load()),
            ProgressListener.SILENT);
    Map<String, List<String>> gold = new HashMap<>();
    for (LabelledSegment s : LabelledSegments.read(Path.of(args[1])))
      gold.put(s.segmentId(), s.codes());
    Annotator annotator =
        new CachingAnnotator(CoreNlpAnnotator.shared(), CachingAnnotator.defaultFolder());
    SentenceEmbedder embedder =
        new CachingEmbedder(
            new BgeSmallEmbedder(), CachingAnnotator.defaultFolder().resolveSibling("embeddings"));
    WindowEmbedding stage = new WindowEmbedding(embedder);
    Segmenter segmenter = new Segmenter(SegmentUnit.TURN);
    List<Segment> all = new ArrayList<>();
    for (Transcript t : read.transcripts()) {
      TextAnnotation a = annotator.annotate(t.text());
      all.addAll(stage.embed(segmenter.segment(t, a), a, t.text()));
    }
    CodeProfiles profiles = CodeProfiles.of(book, embedder);
    RuleCoder rules = new RuleCoder(book);
    Map<String, Set<String>> ruled = new HashMap<>();
    for (Segment s : all)
      for (Coding c : rules.code(s))
        ruled.computeIfAbsent(s.id(), k -> new HashSet<>()).add(book.path(c.codeId()));
    System.out.printf(
        "%-45s %5s %6s %s%n",
        "code",
        "pos",
        "AUC",
        "P/R rules | rules&sem>t (t=-.02,0,.02,.04) | sem>t (t=.02,.04,.06,.08)");
    double[][] combos = {{0, 0.04}, {0, 0.05}, {0, 0.06}, {-0.01, 0.05}, {0.01, 0.05}, {0, 9}};
    int[][] micro = new int[combos.length][3];
    int[] auto = new int[3];
    for (Code code : book.codes()) {
      if (code.isTopLevel()) continue;
      String path = book.path(code.id());
      List<double[]> scored = new ArrayList<>();
      for (Segment s : all) {
        if (!gold.containsKey(s.id())) continue;
        CodeProfiles.Similarity sim = profiles.similarity(s, code.id());
        boolean y = gold.get(s.id()).contains(path);
        boolean r = ruled.getOrDefault(s.id(), Set.of()).contains(path);
        scored.add(new double[] {sim == null ? -9 : sim.score(), y ? 1 : 0, r ? 1 : 0});
      }
      List<String> refs = new ArrayList<>();
      for (Code other : book.codes()) {
        refs.addAll(other.counterExamples());
        if (!book.root(other.id()).id().equals(book.root(code.id()).id()))
          refs.addAll(other.examples());
      }
      List<Double> refScores = new ArrayList<>();
      List<float[]> rv = embedder.embed(refs);
      for (int i = 0; i < refs.size(); i++) {
        var sim =
            profiles.similarity(
                List.of(new SentenceWindow(new Span(0, 1), rv.get(i))), code.id(), refs.get(i));
        if (sim != null) refScores.add(sim.score());
      }
      Collections.sort(refScores);
      double tau = refScores.get(refScores.size() - 1);
      double tau90 = refScores.get((int) (refScores.size() * 0.9));
      System.out.printf(
          "   tau max %.3f p90 %.3f  semonly>max %s  >p90 %s  rule>0|sem>max %s%n",
          tau,
          tau90,
          pr(scored, x -> x[0] > tau),
          pr(scored, x -> x[0] > tau90),
          pr(scored, x -> (x[2] == 1 && x[0] > 0) || x[0] > tau));
      for (double[] x : scored) {
        boolean pr = (x[2] == 1 && x[0] > 0) || x[0] > tau;
        if (pr && x[1] == 1) auto[0]++;
        else if (pr) auto[1]++;
        else if (x[1] == 1) auto[2]++;
      }
      long pos = scored.stream().filter(x -> x[1] == 1).count();
      StringBuilder sb = new StringBuilder();
      sb.append(pr(scored, x -> x[2] == 1)).append(" |");
      for (double t : new double[] {-0.02, 0, 0.02, 0.04})
        sb.append(pr(scored, x -> x[2] == 1 && x[0] > t));
      sb.append(" |");
      for (double t : new double[] {0.02, 0.04, 0.06, 0.08}) sb.append(pr(scored, x -> x[0] > t));
      System.out.printf("%-45s %5d %6.3f %s%n", path, pos, auc(scored), sb);
      for (int k = 0; k < combos.length; k++) {
        double[] cb = combos[k];
        for (double[] x : scored) {
          boolean pr = (x[2] == 1 && x[0] > cb[0]) || x[0] > cb[1];
          if (pr && x[1] == 1) micro[k][0]++;
          else if (pr) micro[k][1]++;
          else if (x[1] == 1) micro[k][2]++;
        }
      }
    }
    printMicro(combos, micro);
    System.out.println("auto: " + Arrays.toString(auto));
  }

  static void printMicro(double[][] combos, int[][] micro) {
    for (int k = 0; k < combos.length; k++) {
      int tp = micro[k][0], fp = micro[k][1], fn = micro[k][2];
      System.out.printf(
          "rule>%.2f or sem>%.2f: tp %d fp %d fn %d  P %.3f R %.3f%n",
          combos[k][0],
          combos[k][1],
          tp,
          fp,
          fn,
          tp / (double) Math.max(1, tp + fp),
          tp / (double) Math.max(1, tp + fn));
    }
  }

  static String pr(List<double[]> xs, java.util.function.Predicate<double[]> p) {
    int tp = 0, fp = 0, fn = 0;
    for (double[] x : xs) {
      boolean pr = p.test(x);
      if (pr && x[1] == 1) tp++;
      else if (pr) fp++;
      else if (x[1] == 1) fn++;
    }
    return String.format(" %d/%d/%d", tp, fp, fn);
  }

  static double auc(List<double[]> xs) {
    double n = 0, c = 0;
    for (double[] a : xs)
      if (a[1] == 1)
        for (double[] b : xs)
          if (b[1] == 0) {
            n++;
            c += a[0] > b[0] ? 1 : a[0] == b[0] ? 0.5 : 0;
          }
    return n == 0 ? Double.NaN : c / n;
  }
}
