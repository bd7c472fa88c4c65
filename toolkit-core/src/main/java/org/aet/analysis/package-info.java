/**
 * What the coded material says when it is counted: how often each code occurs in each case or
 * speaker role (with standardised residuals that mark clearly more or less than elsewhere), which
 * codes share segments, and a few quotes that show each code in each case. The workbook's Cases and
 * Summary sheets and the HTML report are drawn from these, so they always agree. Depends only on
 * the model and the codebook.
 */
package org.aet.analysis;
