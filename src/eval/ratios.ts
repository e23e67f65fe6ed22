/** Counts and ratios for eval reports. A ratio over nothing is `null`, never NaN. */

/** A share: `hits` of `total`, e.g. metadata fields right, events with the right modality. */
export interface Share {
  hits: number;
  total: number;
  ratio: number | null;
}

/**
 * Recall and precision counted apart: a required gold item is found (`tp` of `gold`), and a
 * prediction matches some gold item, required or not (`predictedTp` of `predicted`).
 */
export interface PrecisionRecall {
  /** Required gold items found: the recall numerator. */
  tp: number;
  /** Required gold items: the recall denominator. */
  gold: number;
  /** Predictions that match some gold item, required or not: the precision numerator. */
  predictedTp: number;
  /** Predictions (distinct ones, for events): the precision denominator. */
  predicted: number;
  recall: number | null;
  precision: number | null;
  f1: number | null;
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function share(hits: number, total: number): Share {
  return { hits, total, ratio: ratio(hits, total) };
}

/** F1 of a precision and a recall; `null` when either is unknown, 0 when both are 0. */
export function f1(precision: number | null, recall: number | null): number | null {
  if (precision === null || recall === null) return null;
  const sum = precision + recall;
  return sum === 0 ? 0 : (2 * precision * recall) / sum;
}

export function precisionRecall(
  tp: number,
  gold: number,
  predictedTp: number,
  predicted: number,
): PrecisionRecall {
  const recall = ratio(tp, gold);
  const precision = ratio(predictedTp, predicted);
  return { tp, gold, predictedTp, predicted, recall, precision, f1: f1(precision, recall) };
}

export function addShares(a: Share, b: Share): Share {
  return share(a.hits + b.hits, a.total + b.total);
}

export function addPrecisionRecall(a: PrecisionRecall, b: PrecisionRecall): PrecisionRecall {
  return precisionRecall(
    a.tp + b.tp,
    a.gold + b.gold,
    a.predictedTp + b.predictedTp,
    a.predicted + b.predicted,
  );
}
