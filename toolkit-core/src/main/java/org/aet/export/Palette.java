package org.aet.export;

/**
 * Colours that people with any common colour-vision deficiency can tell apart (Okabe and Ito 2008),
 * for every chart aet draws, in the workbook and in the report alike.
 */
public final class Palette {
  /** Series colours, as {@code #RRGGBB}, in the order they are used. */
  public static final String[] SERIES = {
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"
  };

  /** A diverging pair for less (orange) and more (blue) than expected, and neutral white. */
  public static final String LESS = "#E69F00";

  public static final String MORE = "#0072B2";
  public static final String NEUTRAL = "#FFFFFF";
  public static final String GREY = "#999999";

  private Palette() {}

  /** The series colour {@code index}, cycling. */
  public static String series(int index) {
    return SERIES[index % SERIES.length];
  }

  /** {@code hex} ({@code #RRGGBB}) as three bytes, as POI takes colours. */
  public static byte[] rgb(String hex) {
    int value = Integer.parseInt(hex.substring(1), 16);
    return new byte[] {(byte) (value >> 16), (byte) (value >> 8), (byte) value};
  }
}
